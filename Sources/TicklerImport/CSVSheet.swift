import CSV
package import TicklerCore

/// The rows of a CSV file's text, read with yaslab/CSV.swift (quotes, doubled quotes, line
/// breaks inside quotes, CR LF). The separator is `,`, `;` or a tab: given, or the one of
/// them that splits the first line into the most columns outside quotes (Excel writes `;`
/// where the decimal separator is a comma, and a tab for "Unicode text").
package enum CSVSheet {
    /// The rows of `text`, numbered as a spreadsheet numbers them (a quoted line break stays
    /// in its row).
    package static func rows(_ text: String, separator: Character?) throws(SheetError) -> [SheetRow] {
        let separator = separator ?? guessSeparator(text)
        guard let scalar = separator.unicodeScalars.first else { return [] }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: scalar)
        } catch {
            throw SheetError("the file could not be read as CSV: \(error)")
        }
        var rows: [SheetRow] = []
        var number = 0
        while let cells = reader.next() {
            number += 1
            rows.append(SheetRow(number: number, cells: cells))
        }
        if let error = reader.error { throw SheetError("the file could not be read as CSV: \(error)") }
        return rows
    }

    /// `,`, `;` or a tab: the one that appears most often outside quotes on the first line.
    package static func guessSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "\n" || c == "\r" { break }
            if !quoted, let k = counts[Character(c)] { counts[Character(c)] = k + 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }
}

/// A sheet file that cannot be read at all (not CSV, not XLSX, a broken zip).
package struct SheetError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
