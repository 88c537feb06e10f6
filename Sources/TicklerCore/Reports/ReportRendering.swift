/// Renders a ``Report`` for people (an aligned plain-text table, for a terminal or a mail
/// body in a monospace block) and for spreadsheets (CSV, RFC 4180).
package enum ReportRendering {
    /// The report as aligned plain text: the title, then each table with its notes.
    /// Columns are aligned by display width, so Chinese names line up with Latin ones.
    /// Titles, cells and notes are one line each: a line break in a name from the store
    /// becomes a space (``TextLine``).
    package static func text(_ report: Report) -> String {
        let title = TextLine.flattened(report.title)
        var out = title + "\n" + String(repeating: "=", count: width(title)) + "\n"
        for table in report.tables {
            out += "\n" + text(table)
        }
        return out
    }

    /// One table as aligned plain text, numbers right-aligned.
    package static func text(_ table: ReportTable) -> String {
        var table = table
        table.title = TextLine.flattened(table.title)
        table.columns = table.columns.map(TextLine.flattened)
        table.rows = table.rows.map { $0.map(TextLine.flattened) }
        table.notes = table.notes.map(TextLine.flattened)
        var widths = table.columns.map(width)
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(cell)) }
        }
        var numeric = Array(repeating: !table.rows.isEmpty, count: table.columns.count)
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < numeric.count && !cell.isEmpty && !isNumber(cell) {
                numeric[i] = false
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: w - width(cell))
                parts.append(numeric[i] ? pad + cell : cell + pad)
            }
            return parts.joined(separator: "  ").replacing(/\s+$/, with: "") + "\n"
        }
        var out = table.title + "\n"
        out += line(table.columns)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in table.rows { out += line(row) }
        for note in table.notes { out += "  * " + note + "\n" }
        return out
    }

    /// One table as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they
    /// hold a comma, a quote, CR or LF (quotes doubled). Prefix a UTF-8 BOM when the file is
    /// for Excel, which otherwise misreads Chinese text; the text itself has none.
    package static func csv(_ table: ReportTable) -> String {
        ([table.columns] + table.rows).map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The UTF-8 byte order mark that tells a spreadsheet (Excel) the CSV is UTF-8; written
    /// before CSV meant for one (mail attachments, `report`, `ledger` and `pool` unless
    /// `--no-bom`).
    package static let byteOrderMark = "\u{FEFF}"

    /// Every table of the report in one CSV: each table's title on a line of its own, then
    /// its header and rows, tables separated by an empty line.
    package static func csv(_ report: Report) -> String {
        report.tables.map { csvField($0.title) + "\r\n" + csv($0) }.joined(separator: "\r\n")
    }

    /// A file name for a table's CSV attachment: `weekly-progress-2026-W47-numbers.csv`
    /// (report names are identifiers, checked by the rules parser).
    package static func csvFileName(_ report: Report, _ table: ReportTable) -> String {
        "\(report.name)-\(report.period)-\(table.id).csv"
    }

    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// Display width in a monospace font: East Asian wide and fullwidth characters take two columns.
    package static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            if s.properties.generalCategory == .nonspacingMark || v == 0x200B { return sum }
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }

    private static func isNumber(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "%") }
    }
}
