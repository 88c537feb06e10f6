/// The collections of a data store (SPEC section 4), each a `NAME.json` array or a
/// `NAME.jsonl` file of one object a line.
package enum StoreCollection: String, Sendable, Hashable, CaseIterable {
    case reps, customers, contacts, attendance, events, reports

    /// What one record is called in messages ("customer skipped: ...").
    package var recordName: String {
        switch self {
        case .reps: "rep"
        case .customers: "customer"
        case .contacts: "contact"
        case .attendance: "attendance record"
        case .events: "event"
        case .reports: "daily plan or report"
        }
    }

    /// The fields a record must have.
    package var requiredFields: [String] {
        switch self {
        case .reps: ["id", "name"]
        case .customers: ["id", "name", "rep", "class"]
        case .contacts: ["customer", "rep", "at"]
        case .attendance: ["rep", "date"]
        case .events: ["rep", "at", "event"]
        case .reports: ["rep", "date", "kind"]
        }
    }

    /// The fields a record may have besides the required ones (SPEC section 4, and the
    /// fields later features read).
    package var optionalFields: [String] {
        switch self {
        case .reps: ["manager", "mailbox", "email", "webhook", "locale", "team"]
        case .customers:
            [
                "status", "phone", "registered_at", "next_contact", "birthday", "expected_amount", "close_date",
                "probability", "household", "founded", "source",
            ]
        case .contacts: ["method", "progress", "outcome", "note", "amount", "shared_with"]
        case .attendance: ["check_in", "absent", "excused"]
        case .events: ["customer", "note"]
        case .reports: ["filed_at", "approved_at", "approved_by"]
        }
    }

    /// `NAME.json`.
    package var arrayFileName: String { rawValue + ".json" }
    /// `NAME.jsonl`.
    package var linesFileName: String { rawValue + ".jsonl" }

    /// The file this collection is read from among the store's file names: the `.jsonl`
    /// when it exists (also beside a `.json`), else the `.json`, else none.
    package func fileName(in present: Set<String>) -> String? {
        present.contains(linesFileName) ? linesFileName : present.contains(arrayFileName) ? arrayFileName : nil
    }
}
