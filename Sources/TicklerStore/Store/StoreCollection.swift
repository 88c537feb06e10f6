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
