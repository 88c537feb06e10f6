/// `penalties:`, `scoring:` and `quotas:` — what violations cost, the score, minimum activity.
extension RulesReader {
    mutating func readPenalties(_ node: YAMLNode) -> [PenaltyRule] {
        guard let items = r.list(node, "'penalties'") else { return [] }
        var rules: [PenaltyRule] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let keys = ["event", "fine", "points", "repeat", "notify", "note"]
            guard let m = r.mapping(item, in: "a penalty", allowed: keys) else { continue }
            let event = uniqueName(m, "event", kind: "event", example: "late_greeting", seen: &seen)
            if let event, let node = m.value("event"), !RulesReader.isIdentifier(event) {
                r.error(node.location, "event '\(NodeReader.clip(event))' must be an id of letters, digits, '-', '_' or '.', e.g. late_greeting")
            }
            let penalty = readPenalty(m)
            let repeatRule = m.value("repeat").flatMap { readRepeat($0) }
            if penalty == nil, !m.has("repeat") {
                r.error(
                    m.location,
                    "the penalty for '\(event ?? "this event")' costs nothing; add 'fine', 'points' or a 'repeat' rule")
            }
            let notify = m.value("notify").map { readRecipients($0, default: [.rep, .manager]) } ?? [.rep, .manager]
            let note = m.value("note").flatMap { r.string($0, "'note'") }
            guard let event else { continue }
            rules.append(
                PenaltyRule(
                    event: event, penalty: penalty, repeat: repeatRule, notify: notify, note: note, location: item.location))
        }
        return rules
    }

    /// `repeat: { count: 3, within: 1w, fine: 20, points: 10, note: ... }`.
    private mutating func readRepeat(_ node: YAMLNode) -> PenaltyRule.Repeat? {
        let keys = ["count", "within", "fine", "points", "note"]
        guard let m = r.mapping(node, in: "'repeat'", allowed: keys) else { return nil }
        let count = r.required(m, "count", example: "3").flatMap { r.int($0, "'count'", in: 2...10_000) }
        var within: RuleDuration?
        if let node = r.required(m, "within", example: "1w"), let duration = r.duration(node, "'within'") {
            if duration.amount == 0 {
                r.error(node.location, "'within' must be longer than 0, e.g. 1w")
            } else {
                within = duration
            }
        }
        let penalty = readPenalty(m) ?? Penalty()
        let note = m.value("note").flatMap { r.string($0, "'note'") }
        guard let count, let within else { return nil }
        return PenaltyRule.Repeat(count: count, within: within, penalty: penalty, note: note)
    }

    mutating func readScoring(_ node: YAMLNode) -> ScoringRule? {
        let keys = ["start", "period", "warn_below", "notify"]
        guard let m = r.mapping(node, in: "'scoring'", allowed: keys) else { return nil }
        let start = r.required(m, "start", example: "100").flatMap { r.int($0, "'start'", in: 0...1_000_000) }
        let period = m.value("period").flatMap { r.choice($0, kind: "period", as: Period.self) } ?? .month
        let warnNode = r.required(m, "warn_below", example: "80")
        var warnBelow = warnNode.flatMap { r.int($0, "'warn_below'", in: 0...1_000_000) }
        if let warnNode, let value = warnBelow, let start, value > start {
            r.error(
                warnNode.location,
                "'warn_below: \(value)' is above 'start: \(start)', so every rep would be warned from the first day; "
                    + "make it at most \(start)")
            warnBelow = nil
        }
        let notify = m.value("notify").map { readRecipients($0, default: [.rep, .manager]) } ?? [.rep, .manager]
        guard let start, let warnBelow else { return nil }
        return ScoringRule(start: start, period: period, warnBelow: warnBelow, notify: notify, location: node.location)
    }

    mutating func readQuotas(_ node: YAMLNode) -> [QuotaRule] {
        guard let items = r.list(node, "'quotas'") else { return [] }
        var quotas: [QuotaRule] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let keys = ["name", "methods", "at_least", "per", "notify", "remind_at", "reward"]
            guard let m = r.mapping(item, in: "a quota", allowed: keys) else { continue }
            let name = uniqueName(m, "name", kind: "quota", example: "weekly-calls", seen: &seen)
            var methods: [ContactMethod] = []
            if let node = m.value("methods"), let list = r.list(node, "'methods'", allowSingle: true) {
                let known = knownMethodNames
                methods = list.compactMap { r.choice($0, kind: "contact method", among: known) }.map { ContactMethod(rawValue: $0) }
                if list.isEmpty {
                    r.error(node.location, "'methods' is empty; list the contact methods that count, or leave 'methods' out for all of them")
                }
            }
            let atLeast = r.required(m, "at_least", example: "20").flatMap { r.int($0, "'at_least'", in: 1...1_000_000) }
            let per = r.required(m, "per", example: "week").flatMap { r.choice($0, kind: "period", as: Period.self) }
            let notify = m.value("notify").map { readRecipients($0, default: [.manager]) } ?? [.manager]
            defaultManagerOnly(m, at: item.location)
            let remindAt = m.value("remind_at").flatMap { r.timeOfDay($0, "'remind_at'") }
            let reward = m.value("reward").flatMap { readReward($0) }
            guard let name, let atLeast, let per else { continue }
            var quota = QuotaRule(
                name: name, methods: methods, atLeast: atLeast, per: per, notify: notify, remindAt: remindAt,
                location: item.location)
            quota.reward = reward
            quotas.append(quota)
        }
        return quotas
    }
}
