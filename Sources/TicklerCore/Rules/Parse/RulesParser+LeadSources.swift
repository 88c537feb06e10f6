/// `lead_sources: [trade_fair, { name: internet, label: { es: Internet, zh-Hans: 网络 } }]`
extension RulesReader {
    mutating func readLeadSources(_ node: YAMLNode) -> LeadSources? {
        guard let items = r.list(node, "'lead_sources'") else { return nil }
        if items.isEmpty {
            r.error(node.location, "'lead_sources' is empty; list where customers come from, e.g. [trade_fair, internet, referral], or leave it out")
            return nil
        }
        var entries: [LeadSources.Entry] = []
        var seen: [String: Int] = [:]
        for item in items {
            var nameNode = item
            var label: LocalizedLabel?
            if case .mapping = item.content {
                guard let m = r.mapping(item, in: "a lead source", allowed: ["name", "label"]),
                    let node = r.required(m, "name", example: "trade_fair")
                else { continue }
                nameNode = node
                label = m.value("label").flatMap { readLabel($0, what: "the label of the lead source") }
            }
            guard let name = r.string(nameNode, "a lead source") else { continue }
            if let line = seen[name] {
                r.error(nameNode.location, "lead source '\(NodeReader.clip(name))' is listed twice (first on line \(line)); list it once")
                continue
            }
            seen[name] = nameNode.location.line
            entries.append(LeadSources.Entry(name: name, label: label, location: nameNode.location))
        }
        return entries.isEmpty ? nil : LeadSources(entries: entries)
    }
}
