/// `care: festivals:` — the built-in Chinese festivals by name with their lead time, and an
/// office's own: `company_day: { date: "06-18", before: 7d, label: { zh-Hans: 公司周年庆 } }`
/// or `{ lunar: "07-07", ... }`.
extension RulesReader {
    mutating func readFestivals(_ node: YAMLNode, before defaultLead: RuleDuration) -> [CareRule.Festival: RuleDuration] {
        guard case .mapping(let pairs) = node.content else {
            r.error(node.location, "'festivals' must be a mapping like { spring_festival: 14d, dragon_boat: 7d }, not \(node.kindDescription)")
            return [:]
        }
        let builtIn = CareRule.Festival.builtIn.map(\.name)
        var result: [CareRule.Festival: RuleDuration] = [:]
        var seen: Set<String> = []
        for pair in pairs {
            guard let name = r.scalarText(pair.key, "a festival name", expected: "a name such as dragon_boat") else { continue }
            guard seen.insert(name).inserted else {
                r.error(pair.key.location, "festival '\(name)' is listed twice; list it once")
                continue
            }
            if let festival = CareRule.Festival.builtIn.first(where: { $0.name == name }) {
                if let lead = r.duration(pair.value, "the lead time of \(name)", units: Self.careDayUnits) {
                    result[festival] = lead
                }
                continue
            }
            guard case .mapping = pair.value.content else {
                var message = NodeReader.unknown("festival", name, in: "'festivals'", allowed: builtIn)
                message += "; a day of the office's own is written { date: MM-DD or lunar: MM-DD, label: ... }"
                r.error(pair.key.location, message)
                continue
            }
            guard RulesReader.isMethodName(name) else {
                r.error(pair.key.location, "festival '\(NodeReader.clip(name))' must be a lower-case name of letters, digits and '_', e.g. company_day")
                continue
            }
            if let festival = readOwnFestival(name, pair.value, lead: defaultLead) { result[festival.0] = festival.1 }
        }
        return result
    }

    private static let careDayUnits: [RuleDuration.Unit] = [.days, .weeks, .businessDays]

    private mutating func readOwnFestival(_ name: String, _ node: YAMLNode, lead: RuleDuration)
        -> (CareRule.Festival, RuleDuration)?
    {
        guard let m = r.mapping(node, in: "festival '\(name)'", allowed: ["date", "lunar", "before", "label"]) else { return nil }
        var day: CareRule.Festival.Day?
        switch (m.value("date"), m.value("lunar")) {
        case (let dateNode?, nil):
            if let md = monthDay(dateNode, "'date'", maxDay: { LocalDate.daysIn(month: $0, year: 2028) }) {
                day = .fixed(month: md.0, day: md.1)
            }
        case (nil, let lunarNode?):
            if let md = monthDay(lunarNode, "'lunar'", maxDay: { _ in 30 }) { day = .lunar(month: md.0, day: md.1) }
        case (.some, .some):
            r.error(m.location, "festival '\(name)' has both 'date' and 'lunar'; keep one")
        case (nil, nil):
            r.error(m.location, "festival '\(name)' needs a day: 'date: \"06-18\"' (every year) or 'lunar: \"05-05\"' (Chinese calendar)")
        }
        let before = m.value("before").flatMap { r.duration($0, "'before'", units: Self.careDayUnits) } ?? lead
        var label: LocalizedLabel?
        if let labelNode = r.required(m, "label", example: "{ en: company day, zh-Hans: 公司周年庆 }") {
            label = readLabel(labelNode, what: "the label of \(name)")
        }
        guard let day, let label else { return nil }
        return (CareRule.Festival(name: name, day: day, label: label), before)
    }

    /// `"MM-DD"` with a month 1-12 and a day that month can have.
    private mutating func monthDay(_ node: YAMLNode, _ what: String, maxDay: (Int) -> Int) -> (Int, Int)? {
        guard let text = r.scalarText(node, what, expected: "a day \"MM-DD\"") else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month), day >= 1, day <= maxDay(month)
        else {
            r.error(node.location, "\(what) must be a month and day \"MM-DD\" that exists, e.g. \"06-18\"; not '\(NodeReader.clip(text))'")
            return nil
        }
        return (month, day)
    }
}
