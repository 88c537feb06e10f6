/// Reads a rule test file with the same strictness as the rules file.
package enum RuleTestParser {
    package static let collections = ["reps", "customers", "contacts", "attendance", "events"]

    /// Parses a test file; throws every problem at once.
    package static func parse(_ text: String, file: String) throws(DiagnosticsError) -> RuleTestFile {
        var reader = NodeReader(file: file)
        let document = try YAMLTypoRecovery.load(text, file: file) { (repaired) throws(DiagnosticsError) in
            _ = try parse(repaired, file: file)
        }
        guard let root = document else {
            throw DiagnosticsError([Diagnostic(reader.fileStart, "the test file is empty; it needs 'rules:', 'store:' and 'cases:'")])
        }
        guard let top = reader.mapping(root, in: "the test file", allowed: ["rules", "store", "cases"]) else {
            try reader.finish()
            throw DiagnosticsError(reader.diagnostics)
        }
        let rulesNode = reader.required(top, "rules", example: "../rules/office.yaml")
        var rules: String?
        if let rulesNode { rules = reader.string(rulesNode, "'rules'") }
        var store: RuleTestFile.Store?
        if let storeNode = reader.required(top, "store", example: "../rules/example-store") {
            store = Self.store(storeNode, &reader)
        }
        var cases: [RuleTestCase] = []
        if let casesNode = reader.required(top, "cases", example: "[{ at: 2026-11-24T10:00, expect: [...] }]"),
            let items = reader.list(casesNode, "'cases'")
        {
            if items.isEmpty { reader.error(casesNode.location, "'cases' is empty; add at least one case") }
            for item in items {
                if let parsed = testCase(item, &reader) { cases.append(parsed) }
            }
        }
        try reader.finish()
        guard let rules, let rulesNode, let store else { throw DiagnosticsError(reader.diagnostics) }
        return RuleTestFile(file: file, rules: rules, rulesLocation: rulesNode.location, store: store, cases: cases)
    }

    private static func store(_ node: YAMLNode, _ reader: inout NodeReader) -> RuleTestFile.Store? {
        if case .scalar = node.content {
            return reader.string(node, "'store'").map { .directory($0, node.location) }
        }
        guard let mapping = reader.mapping(node, in: "the inline store", allowed: collections) else { return nil }
        var result: [(name: String, records: YAMLNode)] = []
        for entry in mapping.entries {
            if reader.list(entry.value, "'\(entry.key)'") != nil { result.append((entry.key, entry.value)) }
        }
        return .inline(result, node.location)
    }

    private static func testCase(_ node: YAMLNode, _ reader: inout NodeReader) -> RuleTestCase? {
        guard let mapping = reader.mapping(node, in: "a test case", allowed: ["name", "at", "since", "expect", "absent"])
        else { return nil }
        var name: String?
        if let node = mapping.value("name") { name = reader.string(node, "'name'") }
        let atNode = reader.required(mapping, "at", example: "2026-11-24T10:00")
        var at: String?
        if let atNode { at = reader.string(atNode, "'at'") }
        let sinceNode = mapping.value("since")
        var since: String?
        if let sinceNode { since = reader.string(sinceNode, "'since'") }
        var expect: [NoticeMatcher] = []
        if let node = mapping.value("expect") { expect = matchers(node, "'expect'", &reader) }
        var absent: [NoticeMatcher] = []
        if let node = mapping.value("absent") { absent = matchers(node, "'absent'", &reader) }
        if expect.isEmpty && absent.isEmpty {
            reader.error(mapping.location, "a test case needs 'expect' or 'absent' (or both); otherwise it checks nothing")
        }
        guard let at, let atNode else { return nil }
        return RuleTestCase(
            name: name, at: at, atLocation: atNode.location, since: since, sinceLocation: sinceNode?.location,
            expect: expect, absent: absent, location: mapping.location)
    }

    /// A `kind:` that no notice has would make the case fail (or an `absent` pass) for a typo.
    private static func unknownKind(_ text: String) -> String {
        let kinds = NoticeKind.allCases.map(\.rawValue)
        if let near = NearestName.suggestion(for: text, among: kinds) {
            return "unknown notice kind '\(NodeReader.clip(text))'; did you mean '\(near)'?"
        }
        return "unknown notice kind '\(NodeReader.clip(text))'; the kinds are: \(kinds.joined(separator: ", "))"
    }

    private static func matchers(_ node: YAMLNode, _ what: String, _ reader: inout NodeReader) -> [NoticeMatcher] {
        guard let items = reader.list(node, what) else { return [] }
        var result: [NoticeMatcher] = []
        for item in items {
            guard let mapping = reader.mapping(item, in: "a notice in \(what)", allowed: NoticeMatcher.fieldNames) else {
                continue
            }
            if mapping.entries.isEmpty {
                reader.error(item.location, "an empty notice matches everything; list fields such as '{ kind: overdue, customer: C1 }'")
                continue
            }
            var fields: [(name: String, value: NoticeMatcher.Value)] = []
            for entry in mapping.entries {
                switch entry.value.content {
                case .scalar(let text, _):
                    if entry.key == "kind", !entry.value.isNull, NoticeKind(rawValue: text) == nil {
                        reader.error(entry.value.location, unknownKind(text))
                        continue
                    }
                    fields.append((entry.key, entry.value.isNull ? .null : .text(text)))
                case .sequence(let values):
                    var texts: [String] = []
                    for value in values {
                        if let text = reader.string(value, "an item of '\(entry.key)'") { texts.append(text) }
                    }
                    fields.append((entry.key, .list(texts)))
                case .mapping:
                    reader.error(entry.value.location, "'\(entry.key)' must be a value or a list, not a mapping")
                }
            }
            result.append(NoticeMatcher(fields: fields, location: item.location))
        }
        return result
    }
}
