/// A manager report: a few tables of rows and columns, computed by ``ReportBuilder`` and
/// rendered as a plain-text table (``ReportRendering/text(_:)``) or CSV
/// (``ReportRendering/csv(_:)``) for a mail body or an attachment.
package struct Report: Sendable, Hashable {
    /// The report's name in the rules (`weekly-progress`).
    package var name: String
    /// The heading in the rules' locale ("进度控制（第47周）", "Control de avance, semana 47").
    package var title: String
    /// The period reported.
    package var period: CalendarPeriod
    package var tables: [ReportTable]

    package init(name: String, title: String, period: CalendarPeriod, tables: [ReportTable]) {
        self.name = name
        self.title = title
        self.period = period
        self.tables = tables
    }
}

/// One table of a report. Every row has as many cells as there are columns; numbers are
/// already formatted (no thousands separators, `.` as decimal point) so that a spreadsheet
/// reads them as numbers.
package struct ReportTable: Sendable, Hashable {
    /// Which table it is (`progress`, `numbers`, ...): stable, for file names and tests.
    package var id: String
    /// The heading in the rules' locale.
    package var title: String
    package var columns: [String]
    package var rows: [[String]]
    /// Notes under the table (definitions the reader needs), in the rules' locale.
    package var notes: [String]

    package init(id: String, title: String, columns: [String], rows: [[String]], notes: [String] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The cell in `row` under the column at `index`, or "" when out of range.
    package func cell(_ row: Int, _ index: Int) -> String {
        guard rows.indices.contains(row), rows[row].indices.contains(index) else { return "" }
        return rows[row][index]
    }
}
