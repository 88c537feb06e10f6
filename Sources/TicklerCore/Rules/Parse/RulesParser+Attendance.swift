/// `attendance:` — start of the day, lateness tiers, the absence fine.
extension RulesReader {
    private static let clockUnits: [RuleDuration.Unit] = [.seconds, .minutes, .hours]

    mutating func readAttendance(_ node: YAMLNode) -> AttendanceRule? {
        guard let m = r.mapping(node, in: "'attendance'", allowed: ["start", "late", "absent", "notify"]) else {
            return nil
        }
        let start = r.required(m, "start", example: "\"08:30\"").flatMap { r.timeOfDay($0, "'start'") }
        var absent = Penalty()
        if let node = m.value("absent"), let am = r.mapping(node, in: "'absent'", allowed: ["fine", "points"]) {
            absent = readPenalty(am) ?? Penalty()
        }
        let tiers = m.value("late").map { readLateness($0, absent: absent) } ?? []
        let notify = m.value("notify").map { readRecipients($0, default: [.rep, .manager]) } ?? [.rep, .manager]
        guard let start else { return nil }
        return AttendanceRule(start: start, late: tiers, absent: absent, notify: notify, location: node.location)
    }

    /// `late:` — `up_to` tiers in strictly increasing order, then at most one `over` tier that
    /// starts exactly where the last `up_to` ends. A `counts_as: absent` tier without its own
    /// `fine` or `points` is charged as an absence (`absent`), as it says.
    private mutating func readLateness(_ node: YAMLNode, absent: Penalty) -> [LatenessTier] {
        guard let items = r.list(node, "'late'") else { return [] }
        var tiers: [LatenessTier] = []
        var covered = RuleDuration(0, .minutes)
        var coveredLine: Int?
        var overLine: Int?
        for item in items {
            let keys = ["up_to", "over", "counts_as", "fine", "points"]
            guard let m = r.mapping(item, in: "a lateness tier", allowed: keys) else { continue }
            if let overLine {
                r.error(
                    item.location,
                    "this tier comes after the 'over' tier of line \(overLine) and can never apply; "
                        + "the 'over' tier must be the last")
            }
            let countsAsAbsent = m.value("counts_as").flatMap { r.choice($0, kind: "'counts_as' value", among: ["absent"]) } != nil
            let penalty = readPenalty(m) ?? (countsAsAbsent ? absent : Penalty())
            switch (m.value("up_to"), m.value("over")) {
            case (nil, nil):
                r.error(m.location, "a lateness tier needs 'up_to' (e.g. up_to: 10m) or, for the last tier, 'over'")
            case (.some, .some(let overNode)):
                r.error(overNode.location, "a lateness tier has 'up_to' or 'over', not both; split it into two tiers")
            case (.some(let upNode), nil):
                guard let limit = r.duration(upNode, "'up_to'", units: Self.clockUnits) else { continue }
                if limit <= covered {
                    let previous = coveredLine.map { "the previous tier's 'up_to: \(covered)' (line \($0))" } ?? "0"
                    r.error(
                        upNode.location,
                        "'up_to: \(limit)' must be more than \(previous); list the tiers from the shortest to the longest")
                } else {
                    covered = limit
                    coveredLine = upNode.location.line
                }
                tiers.append(LatenessTier(bound: .upTo(limit), penalty: penalty, countsAsAbsent: countsAsAbsent, location: item.location))
            case (nil, .some(let overNode)):
                guard let limit = r.duration(overNode, "'over'", units: Self.clockUnits) else { continue }
                if limit.approximateSeconds > covered.approximateSeconds {
                    r.error(
                        overNode.location,
                        "lateness from \(covered) to \(limit) has no tier (a gap); write 'over: \(covered)' "
                            + "so this tier starts where the previous one ends")
                } else if limit.approximateSeconds < covered.approximateSeconds {
                    r.error(
                        overNode.location,
                        "'over: \(limit)' overlaps the previous tier, which goes up to \(covered); write 'over: \(covered)'")
                }
                overLine = overLine ?? overNode.location.line
                tiers.append(LatenessTier(bound: .over(limit), penalty: penalty, countsAsAbsent: countsAsAbsent, location: item.location))
            }
        }
        return tiers
    }
}
