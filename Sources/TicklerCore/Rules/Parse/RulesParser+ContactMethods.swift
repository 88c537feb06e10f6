/// `contact_methods:` and the per-language labels an office gives its own names.
extension RulesReader {
    /// The contact method names a store and the rules may use under this file.
    var knownMethodNames: [String] {
        (contactMethods?.known ?? ContactMethod.allCases).map(\.rawValue)
    }

    /// `contact_methods: [phone, visit, { name: internet, label: { en: Internet, hu: Internet } }]`
    mutating func readContactMethods(_ node: YAMLNode) -> OfficeContactMethods? {
        guard let items = r.list(node, "'contact_methods'") else { return nil }
        if items.isEmpty {
            r.error(node.location, "'contact_methods' is empty; list the office's methods, e.g. [phone, visit], or leave it out for the built-in ones")
            return nil
        }
        let builtIn = ContactMethod.allCases.map(\.rawValue)
        var entries: [OfficeContactMethods.Entry] = []
        var seen: [String: Int] = [:]
        for item in items {
            var name: String?
            var label: LocalizedLabel?
            var nameNode = item
            if case .mapping = item.content {
                guard let m = r.mapping(item, in: "a contact method", allowed: ["name", "label"]) else { continue }
                guard let node = r.required(m, "name", example: "internet") else { continue }
                nameNode = node
                name = r.scalarText(node, "'name'", expected: "a method name such as internet")
                label = m.value("label").flatMap { readLabel($0, what: "the label of \(name ?? "the method")") }
            } else {
                name = r.scalarText(item, "a contact method", expected: "a method name such as phone or internet")
            }
            guard let name else { continue }
            guard Self.isMethodName(name) else {
                r.error(
                    nameNode.location,
                    "contact method '\(NodeReader.clip(name))' must be a lower-case name of letters, digits and '_' "
                        + "(at most 32), e.g. internet or trade_fair")
                continue
            }
            if let line = seen[name] {
                r.error(nameNode.location, "contact method '\(name)' is listed twice (first on line \(line)); list it once")
                continue
            }
            seen[name] = nameNode.location.line
            if builtIn.contains(name) {
                entries.append(.init(method: ContactMethod(rawValue: name), label: label, location: nameNode.location))
                continue
            }
            if let near = NearestName.suggestion(for: name, among: builtIn) {
                r.error(
                    nameNode.location,
                    "unknown contact method '\(name)'; did you mean '\(near)'? (a method of the office's own needs "
                        + "a name of its own and a label)")
                continue
            }
            guard let label else {
                r.error(
                    nameNode.location,
                    "'\(name)' is not a built-in method (\(builtIn.joined(separator: ", "))); give it a label for the "
                        + "reports, e.g. { name: \(name), label: { en: Internet, zh-Hans: 网络 } }")
                continue
            }
            entries.append(.init(method: ContactMethod(rawValue: name), label: label, location: nameNode.location))
        }
        return entries.isEmpty ? nil : OfficeContactMethods(entries: entries)
    }

    /// A label: one text for every language, or `{ en: ..., es: ..., hu: ..., zh-Hans: ..., zh-Hant: ... }`
    /// (any of them; a language left out uses English, else the first text written).
    mutating func readLabel(_ node: YAMLNode, what: String) -> LocalizedLabel? {
        if case .scalar = node.content {
            return r.string(node, what).map { LocalizedLabel($0) }
        }
        let locales = NoticeLocale.allCases.map(\.rawValue)
        guard let m = r.mapping(node, in: what, allowed: locales) else { return nil }
        var texts: [NoticeLocale: String] = [:]
        var first: String?
        for entry in m.entries {
            guard let locale = NoticeLocale(rawValue: entry.key), let text = r.string(entry.value, "the \(entry.key) text of \(what)")
            else { continue }
            texts[locale] = text
            if first == nil { first = text }
        }
        guard let first else {
            r.error(m.location, "\(what) has no text; write one, e.g. { en: Internet, zh-Hans: 网络 }")
            return nil
        }
        return LocalizedLabel(texts: texts, fallback: first)
    }

    static func isMethodName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 32 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
