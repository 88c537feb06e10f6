/// `followup:` — cadence per class and status, the reminder lead time, the overdue ladder.
extension RulesReader {
    private static let dayUnits: [RuleDuration.Unit] = [.days, .weeks, .businessDays]

    mutating func readFollowup(_ node: YAMLNode) -> FollowupRule? {
        let keys = ["cadence", "status_cadence", "remind_before", "overdue", "next_contact"]
        guard let m = r.mapping(node, in: "'followup'", allowed: keys) else { return nil }
        var cadence: [String: RuleDuration] = [:]
        if let cadenceNode = r.required(m, "cadence", example: "{ A: 7d, B: 14d, C: 30d }") {
            var mentioned: Set<String> = []
            cadence = readCadences(
                cadenceNode, what: "'cadence'", kind: "class", among: classes, mentioned: &mentioned)
            if case .mapping = cadenceNode.content {
                let missing = classes.filter { !mentioned.contains($0) }
                if !missing.isEmpty {
                    let list = missing.map { "\($0): 30d" }.joined(separator: ", ")
                    r.error(
                        cadenceNode.location,
                        "'cadence' says nothing about class \(missing.joined(separator: ", ")); add e.g. \(list)")
                }
            }
        }
        var statusCadence: [CustomerStatus: RuleDuration] = [:]
        if let node = m.value("status_cadence") {
            let statuses = CustomerStatus.allCases.map(\.rawValue)
            var mentioned: Set<String> = []
            let durations = readCadences(
                node, what: "'status_cadence'", kind: "status", among: statuses, mentioned: &mentioned)
            for (name, duration) in durations {
                if let status = CustomerStatus(rawValue: name) { statusCadence[status] = duration }
            }
        }
        let remindBefore =
            m.value("remind_before").flatMap { r.duration($0, "'remind_before'", units: Self.dayUnits) }
            ?? RuleDuration(1, .days)
        let ladder = m.value("overdue").map { readLadder($0) } ?? EscalationLadder()
        let agreed = m.value("next_contact").map { readAgreedDate($0) } ?? AgreedDatePolicy()
        return FollowupRule(
            cadence: cadence, statusCadence: statusCadence, remindBefore: remindBefore, overdue: ladder,
            agreedDate: agreed, location: node.location)
    }

    /// A mapping `name: duration` whose names are among `among` and whose durations are whole
    /// days, weeks or business days, more than zero. `mentioned` receives the names written
    /// (or suggested for a misspelt one), valid or not, so that a bad entry is not also
    /// reported as missing.
    private mutating func readCadences(
        _ node: YAMLNode, what: String, kind: String, among names: [String], mentioned: inout Set<String>
    ) -> [String: RuleDuration] {
        guard case .mapping(let pairs) = node.content else {
            r.error(node.location, "\(what) must be a mapping like { A: 7d, B: 14d }, not \(node.kindDescription)")
            return [:]
        }
        var result: [String: RuleDuration] = [:]
        for pair in pairs {
            guard let name = r.scalarText(pair.key, "a key of \(what)", expected: "a \(kind) name") else { continue }
            if let near = NodeReader.suggestion(for: name, among: names) { mentioned.insert(near) }
            guard names.contains(name) else {
                var message = NodeReader.unknown(kind, name, in: what, allowed: names)
                if kind == "class" { message += " (declare it in 'classes' to use it)" }
                r.error(pair.key.location, message)
                continue
            }
            guard let duration = r.duration(pair.value, "the cadence of \(name)", units: Self.dayUnits) else { continue }
            guard duration.amount > 0 else {
                r.error(pair.value.location, "the cadence of \(name) must be more than 0 days, e.g. 7d")
                continue
            }
            result[name] = duration
        }
        return result
    }

    /// `overdue:` — steps whose `after` strictly increases.
    private mutating func readLadder(_ node: YAMLNode) -> EscalationLadder {
        guard let items = r.list(node, "'overdue'") else { return EscalationLadder() }
        var steps: [EscalationLadder.Step] = []
        var previous: (after: RuleDuration, line: Int)?
        for item in items {
            guard let m = r.mapping(item, in: "an 'overdue' step", allowed: ["after", "notify", "penalty"]) else {
                continue
            }
            let afterNode = r.required(m, "after", example: "3d")
            let after = afterNode.flatMap { r.duration($0, "'after'", units: Self.dayUnits) }
            if let after, let afterNode {
                if let previous, after <= previous.after {
                    r.error(
                        afterNode.location,
                        "'after: \(after)' must be later than the previous step's 'after: \(previous.after)' "
                            + "(line \(previous.line)); list the steps from the earliest to the latest")
                }
                if previous == nil || after > previous!.after { previous = (after, afterNode.location.line) }
            }
            // The rest of the step is read even without a valid 'after', so one run reports all.
            let notify = m.value("notify").map { readRecipients($0, default: [.rep]) } ?? [.rep]
            var penalty: Penalty?
            if let penaltyNode = m.value("penalty"),
                let pm = r.mapping(penaltyNode, in: "'penalty'", allowed: ["fine", "points"])
            {
                penalty = readPenalty(pm)
                if penalty == nil { r.error(pm.location, "'penalty' needs a 'fine', 'points' or both, e.g. { fine: 10, points: 5 }") }
            }
            guard let after else { continue }
            steps.append(EscalationLadder.Step(after: after, notify: notify, penalty: penalty, location: item.location))
        }
        return EscalationLadder(steps: steps)
    }

    /// `next_contact: { postpone: true, at_most: 14d }` — whether a later agreed date
    /// postpones the follow-up, and by how much at most past the cadence's due date.
    private mutating func readAgreedDate(_ node: YAMLNode) -> AgreedDatePolicy {
        guard let m = r.mapping(node, in: "'next_contact'", allowed: ["postpone", "at_most"]) else {
            return AgreedDatePolicy()
        }
        let postpone = m.value("postpone").flatMap { r.bool($0, "'postpone'") } ?? false
        var atMost: RuleDuration?
        if let limitNode = m.value("at_most"),
            let limit = r.duration(limitNode, "'at_most'", units: Self.dayUnits)
        {
            if limit.amount <= 0 {
                r.error(limitNode.location, "'at_most' must be more than 0 days, e.g. 14d; to never postpone, write 'postpone: false'")
            } else if !postpone {
                r.error(
                    limitNode.location,
                    "'at_most' limits a postponement, but 'postpone' is not true; add 'postpone: true' or remove 'at_most'")
            } else {
                atMost = limit
            }
        }
        return AgreedDatePolicy(postpone: postpone, atMost: atMost)
    }
}
