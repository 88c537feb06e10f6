/// A rule unit test file (`tickler test FILE`): rules, a fixture store, and cases of a time
/// with the notices expected (and not expected) then.
///
/// ```yaml
/// rules: ../rules/office.yaml          # relative to this file
/// store: ../rules/example-store        # a folder, or inline: { customers: [...], contacts: [...] }
/// cases:
///   - at: 2026-11-24T10:00
///     expect:
///       - { kind: overdue, customer: C005, level: 2, fine: 10 }
///     absent:
///       - { customer: C001 }
/// ```
package struct RuleTestFile: Sendable {
    /// Where the fixture store comes from.
    package enum Store: Sendable {
        /// A store folder, as written (relative to the test file).
        case directory(String, SourceLocation)
        /// Collections written in the test file itself, by collection name.
        case inline([(name: String, records: YAMLNode)], SourceLocation)
    }

    package var file: String
    package var rules: String
    package var rulesLocation: SourceLocation
    package var store: Store
    package var cases: [RuleTestCase]
}

/// One case: evaluate at `at` (and `since`), then check `expect` and `absent`.
package struct RuleTestCase: Sendable {
    package var name: String?
    package var at: String
    package var atLocation: SourceLocation
    package var since: String?
    package var sinceLocation: SourceLocation?
    package var expect: [NoticeMatcher]
    package var absent: [NoticeMatcher]
    package var location: SourceLocation
}

/// A partial notice: each listed field must equal the notice's (`message` must be contained
/// in it, `to` must hold the same ids in any order).
package struct NoticeMatcher: Sendable, CustomStringConvertible {
    package enum Value: Sendable, Hashable, CustomStringConvertible {
        case text(String)
        case list([String])
        case null

        package var description: String {
            switch self {
            case .text(let text): text
            case .list(let items): "[" + items.joined(separator: ", ") + "]"
            case .null: "null"
            }
        }
    }

    package var fields: [(name: String, value: Value)]
    package var location: SourceLocation

    /// The notice fields a matcher may name.
    package static let fieldNames = [
        "key", "kind", "rule", "rep", "customer", "to", "due", "level", "fine", "points", "message", "days", "minutes",
        "score", "date", "source",
    ]

    package var description: String {
        "{ " + fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + " }"
    }
}
