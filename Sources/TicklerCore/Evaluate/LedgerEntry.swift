package import Foundation

/// A fine and points charged to a rep, keyed like the notice that carries it so that it is
/// written once however often it is evaluated.
package struct LedgerEntry: Sendable, Hashable, Codable {
    package var key: String
    package var rep: String
    package var rule: String
    package var fine: Decimal
    package var points: Int
    /// The local date the charge belongs to (decides its scoring period).
    package var date: LocalDate
    /// The store record that caused it, for audit.
    package var source: String?
    package var note: String?
    /// A bonus paid for a reward (its `points` are negative: they raise the score).
    package var bonus: Decimal?

    package init(
        key: String, rep: String, rule: String, fine: Decimal, points: Int, date: LocalDate, source: String? = nil,
        note: String? = nil, bonus: Decimal? = nil
    ) {
        self.key = key
        self.rep = rep
        self.rule = rule
        self.fine = fine
        self.points = points
        self.date = date
        self.source = source
        self.note = note
        self.bonus = bonus
    }
}

/// The result of one evaluation: notices to deliver and charges to record.
package struct Evaluation: Sendable {
    package var notices: [Notice]
    package var ledger: [LedgerEntry]
    /// The report of each `report` notice, by the notice's key: delivery renders it as a
    /// table in the mail body (``ReportRendering/text(_:)``) and attaches its CSV
    /// (``ReportRendering/csv(_:)``).
    package var reports: [String: Report]

    package init(notices: [Notice] = [], ledger: [LedgerEntry] = [], reports: [String: Report] = [:]) {
        self.notices = notices
        self.ledger = ledger
        self.reports = reports
    }
}
