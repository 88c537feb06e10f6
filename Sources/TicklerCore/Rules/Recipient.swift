/// Who a notice goes to, as written in a rule's `notify` list.
package enum Recipient: Sendable, Hashable, CustomStringConvertible {
    /// The customer's or the record's rep.
    case rep
    /// That rep's manager (the `manager` field of the rep).
    case manager
    /// A fixed rep id, e.g. the office's admin.
    case id(String)

    package init(_ text: String) {
        switch text {
        case "rep": self = .rep
        case "manager": self = .manager
        default: self = .id(text)
        }
    }

    package var description: String {
        switch self {
        case .rep: "rep"
        case .manager: "manager"
        case .id(let id): id
        }
    }
}
