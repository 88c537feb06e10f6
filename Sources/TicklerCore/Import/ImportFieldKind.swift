/// How the cells of a store field are read on import (SPEC section 4's types).
package enum ImportFieldKind: Sendable, Hashable {
    /// Free text; an id, a name, a note.
    case text
    /// `YYYY-MM-DD`.
    case date
    /// A time of a day, or a whole day.
    case timestamp
    /// `HH:MM`.
    case timeOfDay
    /// A whole number (`progress`).
    case integer
    /// A number, with the file's thousands and decimal separators (`expected_amount`).
    case number
    /// Yes or no (`absent`, `excused`).
    case bool
    /// One of a fixed set of words, with the seeds' languages' words for them.
    case choice([String])

    /// The kind of the store field `name`.
    package static func of(_ name: String) -> ImportFieldKind {
        switch name {
        case "date", "next_contact", "birthday", "close_date", "founded": .date
        case "at", "registered_at", "filed_at", "approved_at": .timestamp
        case "check_in": .timeOfDay
        case "progress": .integer
        case "expected_amount", "probability": .number
        case "absent", "excused": .bool
        case "status": .choice(CustomerStatus.allCases.map(\.rawValue))
        case "method": .choice(ContactMethod.allCases.map(\.rawValue))
        case "locale": .choice(NoticeLocale.allCases.map(\.rawValue))
        case "kind": .choice(ReportFiling.Kind.allCases.map(\.rawValue))
        default: .text
        }
    }
}
