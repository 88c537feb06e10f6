import Foundation

/// The report notices of one evaluation, with what they are a function of: the store (the
/// very snapshot value, known by its ``AsOfMemo``, which a changed store never shares), the
/// local day (the headings name the year only when it is not the current one), and each
/// report's occurrence (its period and due time, ``ReportBuilder/occurrence(of:at:)``).
/// A report is made from the store as of its due time, and its notice counts the records of
/// a period that ended before it, so with those three unchanged it is the same.
struct KeptReports: @unchecked Sendable {
    /// Held, not only compared: a freed memo's address could be given to a new snapshot's.
    let store: AsOfMemo
    let today: LocalDate
    let dues: [Date]
    var reports: [(Notice, Report)] = []

    init(rules: Rules, _ snapshot: Snapshot, at now: Date) {
        let builder = ReportBuilder(rules: rules)
        store = snapshot.memo
        today = rules.zone.localDate(now)
        dues = rules.reports.map { builder.occurrence(of: $0, at: now).due }
    }

    init(_ key: KeptReports, reports: [(Notice, Report)]) {
        self = key
        self.reports = reports
    }

    /// True when `other` was made from the same store, day and occurrences.
    func holds(for other: KeptReports) -> Bool {
        store === other.store && today == other.today && dues == other.dues
    }
}
