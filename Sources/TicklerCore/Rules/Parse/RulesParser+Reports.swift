/// `reports:` and `compliance:` — scheduled manager reports and filing the daily forms.
extension RulesReader {
    mutating func readReports(_ node: YAMLNode) -> [ReportRule] {
        guard let items = r.list(node, "'reports'") else { return [] }
        var result: [ReportRule] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let keys = ["name", "every", "period", "show", "to", "new_within"]
            guard let m = r.mapping(item, in: "a report", allowed: keys) else { continue }
            let name = uniqueName(m, "name", kind: "report", example: "weekly-progress", seen: &seen)
            if let name, let node = m.value("name"), !RulesReader.isIdentifier(name) {
                r.error(node.location, "report name '\(NodeReader.clip(name))' must be letters, digits, '-', '_' or '.', e.g. weekly-progress")
            }
            var schedule: ReportSchedule?
            if let node = r.required(m, "every", example: "\"mon 09:00\""), let text = r.string(node, "'every'") {
                schedule = ReportSchedule(parsing: text)
                if schedule == nil {
                    r.error(
                        node.location,
                        "'every' must be a time \"09:00\" (daily), a weekday and a time \"mon 09:00\" (weekly) "
                            + "or a day of the month 1-28 and a time \"1 09:00\" (monthly); not '\(NodeReader.clip(text))'")
                }
            }
            let period = m.value("period").flatMap { r.choice($0, kind: "period", as: Period.self) } ?? .week
            var tables: [ReportRule.Table] = [.progress, .numbers]
            if let node = m.value("show"), let list = r.list(node, "'show'", allowSingle: true) {
                tables = list.compactMap { r.choice($0, kind: "report table", as: ReportRule.Table.self) }
                if list.isEmpty { r.error(node.location, "'show' needs at least one table, e.g. [progress, numbers]") }
            }
            var to: [ReportRule.Audience] = [.managers]
            if let node = m.value("to"), let list = r.list(node, "'to'", allowSingle: true) {
                to = list.compactMap { readAudience($0) }
                if list.isEmpty { r.error(node.location, "'to' needs at least one recipient: managers, reps or a rep id") }
            }
            let newWithin = m.value("new_within").flatMap { r.duration($0, "'new_within'", units: [.days, .weeks]) }
            guard let name, let schedule else { continue }
            result.append(
                ReportRule(
                    name: name, schedule: schedule, period: period, tables: tables, to: to, newWithin: newWithin,
                    location: item.location))
        }
        return result
    }

    private mutating func readAudience(_ node: YAMLNode) -> ReportRule.Audience? {
        guard let name = r.string(node, "a report recipient") else { return nil }
        switch name {
        case "managers", "manager": return .managers
        case "reps", "rep": return .reps
        default:
            guard RulesReader.isIdentifier(name) else {
                r.error(node.location, "'\(NodeReader.clip(name))' is not a recipient; write managers, reps or a rep id")
                return nil
            }
            if case .scalar(_, .plain) = node.content, Self.yesNoWords.contains(name.lowercased()) {
                r.error(
                    node.location,
                    "'\(name)' is not a recipient (YAML reads no/yes/true/false/on/off as yes-or-no); 'to' names who gets "
                        + "the report: managers, reps or a rep id. Leave 'to' out for the managers")
                return nil
            }
            if let near = NodeReader.suggestion(for: name, among: ["managers"]), near != name {
                r.error(node.location, "unknown recipient '\(name)'; did you mean '\(near)'?")
                return nil
            }
            repReferences.append(RepReference(id: name, location: node.location, use: .reportTo))
            return .id(name)
        }
    }

    mutating func readCompliance(_ node: YAMLNode) -> ComplianceRule? {
        let keys = ["plan_by", "report_by", "approve_within", "ladder"]
        guard let m = r.mapping(node, in: "'compliance'", allowed: keys) else { return nil }
        let planBy = m.value("plan_by").flatMap { r.timeOfDay($0, "'plan_by'") }
        let reportBy = m.value("report_by").flatMap { r.timeOfDay($0, "'report_by'") }
        var approveWithin: RuleDuration?
        if let node = m.value("approve_within"),
            let d = r.duration(node, "'approve_within'", units: [.minutes, .hours])
        {
            if d.amount == 0 { r.error(node.location, "'approve_within' must be longer than 0, e.g. 4h") } else { approveWithin = d }
        }
        if !m.has("plan_by"), !m.has("report_by"), !m.has("approve_within") {
            r.error(m.location, "'compliance' checks nothing; add 'plan_by: \"09:00\"', 'report_by: \"20:00\"' or 'approve_within: 4h'")
        }
        var ladder: [ComplianceRule.Step] = [ComplianceRule.Step(after: RuleDuration(0, .hours), notify: [.rep])]
        if let node = m.value("ladder"), let items = r.list(node, "'ladder'") {
            ladder = []
            var previous: RuleDuration?
            for item in items {
                guard let sm = r.mapping(item, in: "a 'ladder' step", allowed: ["after", "notify", "fine", "points"]),
                    let afterNode = r.required(sm, "after", example: "2h"),
                    let after = r.duration(afterNode, "'after'", units: [.minutes, .hours, .days])
                else { continue }
                if let previous, after <= previous {
                    r.error(afterNode.location, "'after: \(after)' must be later than the previous step's 'after: \(previous)'; list the steps from the earliest to the latest")
                    continue
                }
                previous = after
                let notify = sm.value("notify").map { readRecipients($0, default: [.rep]) } ?? [.rep]
                ladder.append(ComplianceRule.Step(after: after, notify: notify, penalty: readPenalty(sm)))
            }
            if items.isEmpty { r.error(node.location, "'ladder' needs at least one step, e.g. - { after: 0h, notify: [rep] }") }
        }
        return ComplianceRule(planBy: planBy, reportBy: reportBy, approveWithin: approveWithin, ladder: ladder, location: node.location)
    }
}
