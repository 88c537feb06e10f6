/// One JSON value as the store loader needs it: scalars keep their text, containers
/// below the record's top level are only checked for syntax.
///
/// Numbers keep their literal text so that an id exported as `1001` becomes `"1001"` and
/// an amount keeps its exact decimal digits.
package enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    /// An object; nested objects (below the record) are kept without their members.
    case object([JSONMember])
    /// An array; its elements are checked but not kept.
    case array

    /// How the value is named in a message: `the string "x"`, `the number 12`, `an object`.
    package var described: String {
        switch self {
        case .string(let s): "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .number(let n): "the number \(n)"
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .object: "an object"
        case .array: "an array"
        }
    }
}

/// A `"key": value` pair of a JSON object, in file order.
package struct JSONMember: Sendable, Hashable {
    package var key: String
    package var value: JSONValue

    package init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
