package import Foundation

/// A daily visit plan or daily sales report a rep filed (`reports` collection, seed 004:
/// "每日拜訪計劃表" and "每日銷售報告表", both signed off by a supervisor).
package struct ReportFiling: Sendable, Hashable {
    /// Which of the two daily forms.
    package enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The visit plan for the day, filed in the morning and approved by the supervisor.
        case plan
        /// The report of the day's visits, filed at the end of the day.
        case daily
    }

    package var rep: String
    /// The working day the form is about.
    package var date: LocalDate
    package var kind: Kind
    package var filedAt: Date?
    package var approvedAt: Date?
    package var approvedBy: String?
    package var origin: RecordOrigin

    package init(
        rep: String, date: LocalDate, kind: Kind, filedAt: Date? = nil, approvedAt: Date? = nil,
        approvedBy: String? = nil, origin: RecordOrigin = RecordOrigin(file: "reports", line: 0)
    ) {
        self.rep = rep
        self.date = date
        self.kind = kind
        self.filedAt = filedAt
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.origin = origin
    }
}
