/// One row of a sheet as read from a CSV or XLSX file: its cells as text, and its number as
/// the spreadsheet shows it (a CSV cell with a line break in quotes keeps the row one row).
package struct SheetRow: Sendable, Hashable {
    package var number: Int
    package var cells: [String]

    package init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// True when every cell is empty or blank (an empty line, a row of `;;;`).
    package var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}
