internal import Foundation

/// `forecast:`, `pool:` and `care:` — the pipeline, the shared pool and key-customer care.
extension RulesReader {
    private static let dayUnits: [RuleDuration.Unit] = [.days, .weeks, .businessDays]

    mutating func readForecast(_ node: YAMLNode) -> ForecastRule? {
        let keys = ["goals", "months", "close_grace", "stale_after", "notify", "include_leads"]
        guard let m = r.mapping(node, in: "'forecast'", allowed: keys) else { return nil }
        var goals: [String: Decimal] = [:]
        if let goalsNode = m.value("goals") {
            if let gm = r.mapping(goalsNode, in: "'goals'", allowed: Self.anyKey(goalsNode)) {
                for entry in gm.entries {
                    guard RulesReader.isIdentifier(entry.key) else {
                        r.error(entry.keyLocation, "'\(NodeReader.clip(entry.key))' is not a rep id; write e.g. R01: 100000")
                        continue
                    }
                    repReferences.append(RepReference(id: entry.key, location: entry.keyLocation, use: .goal))
                    if let amount = r.money(entry.value, "the goal of \(entry.key)", in: 0...1_000_000_000_000) {
                        goals[entry.key] = amount
                    }
                }
            }
        }
        let months = m.value("months").flatMap { r.int($0, "'months'", in: 1...24) } ?? 3
        let grace = m.value("close_grace").flatMap { r.duration($0, "'close_grace'", units: Self.dayUnits) } ?? RuleDuration(0, .days)
        let stale = m.value("stale_after").flatMap { positive($0, "'stale_after'") }
        let notify = m.value("notify").map { readRecipients($0, default: [.rep]) } ?? [.rep]
        var rule = ForecastRule(goals: goals, months: months, closeGrace: grace, staleAfter: stale, notify: notify, location: node.location)
        rule.includeLeads = m.value("include_leads").flatMap { r.bool($0, "'include_leads'") } ?? false
        return rule
    }

    mutating func readPool(_ node: YAMLNode, followup: FollowupRule?) -> PoolRule? {
        let keys = ["reclaim", "warn_before", "notify"]
        guard let m = r.mapping(node, in: "'pool'", allowed: keys) else { return nil }
        var reclaim: [String: RuleDuration] = [:]
        if let rn = r.required(m, "reclaim", example: "{ A: 30d, B: 45d, C: 90d }"),
            let rm = r.mapping(rn, in: "'reclaim'", allowed: classes)
        {
            for entry in rm.entries {
                if let d = positive(entry.value, "the reclaim period of \(entry.key)") { reclaim[entry.key] = d }
            }
            if rm.entries.isEmpty { r.error(rn.location, "'reclaim' needs a period for at least one class, e.g. { A: 30d }") }
            let missing = classes.filter { c in followup?.cadence[c] != nil && !rm.entries.contains { $0.key == c } }
            if !rm.entries.isEmpty, !missing.isEmpty {
                r.warning(
                    rn.location,
                    "'reclaim' has no period for class \(missing.joined(separator: ", ")), which the follow-up cadence has: "
                        + "those customers are never reclaimed to the pool; add e.g. \(missing[0]): 90d if they should be")
            }
        }
        let warn = m.value("warn_before").flatMap { r.duration($0, "'warn_before'", units: Self.dayUnits) } ?? RuleDuration(5, .days)
        let notify = m.value("notify").map { readRecipients($0, default: [.rep, .manager]) } ?? [.rep, .manager]
        return PoolRule(reclaim: reclaim, warnBefore: warn, notify: notify, location: node.location)
    }

    mutating func readCare(_ node: YAMLNode) -> CareRule? {
        let keys = ["classes", "before", "festivals", "churn_factor", "notify"]
        guard let m = r.mapping(node, in: "'care'", allowed: keys) else { return nil }
        var cared = ["A"].filter { classes.contains($0) }
        if let cn = m.value("classes"), let items = r.list(cn, "'classes'", allowSingle: true) {
            cared = items.compactMap { r.choice($0, kind: "class", among: classes) }
            if items.isEmpty { r.error(cn.location, "'classes' is empty: no customer would be cared for; list the key classes, e.g. [\(classes.first ?? "A")]") }
        } else if cared.isEmpty {
            r.error(
                m.location,
                "'care' has no 'classes' and the rules have no class A (its default): no customer would be cared for; "
                    + "add e.g. 'classes: [\(classes.first ?? "A")]'")
        }
        let before = m.value("before").flatMap { r.duration($0, "'before'", units: Self.dayUnits) } ?? RuleDuration(3, .days)
        let festivals = m.value("festivals").map { readFestivals($0, before: before) } ?? [:]
        var churn: Double?
        if let cn = m.value("churn_factor"), let factor = r.decimal(cn, "'churn_factor'", in: 1...100) {
            churn = NSDecimalNumber(decimal: factor).doubleValue
        }
        let notify = m.value("notify").map { readRecipients($0, default: [.rep]) } ?? [.rep]
        return CareRule(classes: cared, before: before, festivals: festivals, churnFactor: churn, notify: notify, location: node.location)
    }

    /// A duration in days, weeks or business days, more than zero.
    private mutating func positive(_ node: YAMLNode, _ what: String) -> RuleDuration? {
        guard let d = r.duration(node, what, units: Self.dayUnits) else { return nil }
        guard d.amount > 0 else {
            r.error(node.location, "\(what) must be more than 0 days, e.g. 30d")
            return nil
        }
        return d
    }

    /// The keys of a mapping node as written (for mappings keyed by ids, which any key may be).
    static func anyKey(_ node: YAMLNode) -> [String] {
        guard case .mapping(let pairs) = node.content else { return [] }
        return pairs.compactMap { if case .scalar(let k, _) = $0.key.content { k } else { nil } }
    }
}
