/// `alerts:` — named free-form conditions (the `when:` expression is kept as text with its
/// position; the expression language checks it) and `conflicts:`, registration clashes.
extension RulesReader {
    mutating func readAlerts(_ node: YAMLNode) -> [AlertRule] {
        guard let items = r.list(node, "'alerts'") else { return [] }
        var alerts: [AlertRule] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let keys = ["name", "for", "when", "notify", "message", "every", "closed", "reward"]
            guard let m = r.mapping(item, in: "an alert", allowed: keys) else { continue }
            let name = uniqueName(m, "name", kind: "alert", example: "stale-proposal", seen: &seen)
            let subject = r.required(m, "for", example: "customers").flatMap {
                r.choice($0, kind: "alert subject", as: AlertRule.Subject.self)
            }
            var when: (text: String, location: SourceLocation)?
            if let whenNode = r.required(m, "when", example: "status == \"prospect\""),
                let text = r.string(whenNode, "'when'")
            {
                when = (text, Self.contentStart(whenNode))
            }
            let notify = m.value("notify").map { readRecipients($0, default: [.rep]) } ?? [.rep]
            let messageNode = m.value("message")
            let message = messageNode.flatMap { r.string($0, "'message'") }
            let (every, closed) = readAlertPeriod(m, subject: subject)
            var reward: Reward?
            if let rewardNode = m.value("reward") {
                reward = readReward(rewardNode)
                if reward != nil, every == nil {
                    r.error(
                        rewardNode.location,
                        "a reward is given once per rep and period, so the alert needs 'for: reps' and 'every: month' (or week)")
                    reward = nil
                }
            }
            guard let name, let subject, let when else { continue }
            var alert = AlertRule(
                name: name, subject: subject, when: when.text, whenLocation: when.location, notify: notify,
                message: message, location: item.location, messageLocation: messageNode.map(Self.contentStart))
            alert.every = every
            alert.closed = closed
            alert.reward = reward
            alerts.append(alert)
        }
        return alerts
    }

    /// Type-checks each alert's `when:` and `message:`; problems join the file's diagnostics.
    mutating func compileAlerts(_ alerts: [AlertRule]) -> [CompiledAlert] {
        var compiled: [CompiledAlert] = []
        for alert in alerts {
            do {
                compiled.append(try CompiledAlert.compile(alert, contactMethods: knownMethodNames))
            } catch {
                for diagnostic in error.diagnostics { r.error(diagnostic.location, diagnostic.message) }
            }
        }
        var spent = 0
        for alert in compiled {
            spent += ExpressionCost.units(alert) * ExpressionCost.weight(alert.rule.subject)
            if spent > ExpressionCost.fileBudget {
                r.error(
                    alert.rule.whenLocation,
                    "with alert '\(alert.rule.name)' the alerts cost \(spent) weighted units, more than the "
                        + "\(ExpressionCost.fileBudget) a rules file may (an alert's units per record, times 10 for "
                        + "contacts); remove or simplify alerts, or move some to another office's rules")
                break
            }
        }
        return compiled
    }

    /// `conflicts: { match: [phone, name, household], notify: [manager] }`.
    mutating func readConflicts(_ node: YAMLNode) -> ConflictRule? {
        let keys = ["match", "notify", "complete_wins", "incomplete_names", "keep_for"]
        guard let m = r.mapping(node, in: "'conflicts'", allowed: keys) else { return nil }
        var match = ConflictRule.Match.allCases
        if let node = m.value("match"), let items = r.list(node, "'match'", allowSingle: true) {
            match = items.compactMap { r.choice($0, kind: "conflict match", as: ConflictRule.Match.self) }
            if items.isEmpty { r.error(node.location, "'match' needs at least one of: phone, name, household") }
        }
        let notify = m.value("notify").map { readRecipients($0, default: [.manager]) } ?? [.manager]
        defaultManagerOnly(m, at: node.location)
        var rule = ConflictRule(match: match, notify: notify, location: node.location)
        rule.registration = readRegistration(m)
        return rule
    }

    /// Where a scalar's text starts: after the opening quote of a quoted scalar; at the `|`
    /// or `>` indicator of a block scalar (its text starts on the next line).
    static func contentStart(_ node: YAMLNode) -> SourceLocation {
        var location = node.location
        if case .scalar(_, let style) = node.content, style == .singleQuoted || style == .doubleQuoted {
            location.column = (location.column ?? 1) + 1
        }
        return location
    }

    /// `every: week|month` and `closed: true` of a rep alert.
    private mutating func readAlertPeriod(_ m: YAMLMapping, subject: AlertRule.Subject?) -> (Period?, Bool) {
        var every: Period?
        if let node = m.value("every") {
            every = r.choice(node, kind: "period", among: ["week", "month", "quarter", "year"]).flatMap { Period(rawValue: $0) }
            if every != nil, let subject, subject != .reps {
                r.error(
                    node.location,
                    "'every' makes an alert fire once per rep and period, so it needs 'for: reps', not 'for: \(subject.rawValue)'")
                every = nil
            }
        }
        let closedNode = m.value("closed")
        let closed = closedNode.flatMap { r.bool($0, "'closed'") } ?? false
        if closed, every == nil, let closedNode, m.value("every") == nil {
            r.error(closedNode.location, "'closed' judges the period that just ended; add 'every: month' (or week) to the alert")
        }
        return (every, closed)
    }

    /// `complete_wins`, `incomplete_names` and `keep_for` of `conflicts:` (seed 003).
    private mutating func readRegistration(_ m: YAMLMapping) -> RegistrationPolicy {
        var policy = RegistrationPolicy()
        policy.completeWins = m.value("complete_wins").flatMap { r.bool($0, "'complete_wins'") } ?? false
        if let node = m.value("incomplete_names"), let items = r.list(node, "'incomplete_names'", allowSingle: true) {
            policy.incompleteNames = items.compactMap { r.string($0, "an incomplete name ending") }
            if !policy.completeWins {
                r.error(node.location, "'incomplete_names' only matters with 'complete_wins: true'; add it, or remove 'incomplete_names'")
            }
        }
        if let node = m.value("keep_for"), let keep = r.duration(node, "'keep_for'", units: [.days, .weeks]) {
            if keep.amount > 0 {
                policy.keepFor = keep
            } else {
                r.error(node.location, "'keep_for' must be more than 0 days, e.g. 180d; leave it out to keep customers for good")
            }
        }
        return policy
    }
}
