/// One problem of an imported sheet, printed `FILE:ROW:COLUMN (header): message`: the row
/// and column as the spreadsheet numbers them, and the column's header so that the user
/// finds the cell without counting.
package struct ImportProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var location: SourceLocation
    /// The header of the column, when the problem is one cell's.
    package var header: String?
    package var message: String
    package var severity: Diagnostic.Severity

    package init(_ location: SourceLocation, header: String? = nil, _ message: String, severity: Diagnostic.Severity = .error) {
        self.location = location
        self.header = header
        self.message = message
        self.severity = severity
    }

    package var isError: Bool { severity == .error }

    package var description: String {
        let head = header.map { "\(location) (\($0))" } ?? "\(location)"
        return severity == .warning ? "\(head): warning: \(message)" : "\(head): \(message)"
    }

    package static func < (lhs: ImportProblem, rhs: ImportProblem) -> Bool { lhs.location < rhs.location }
}
