/// Finds a quoted CSV cell whose quote never closes. yaslab/CSV.swift reads such a cell to
/// the end of the file without an error, so every row after it would vanish into one cell;
/// this walks the text with the same rules as the reader (a quote opens a cell only as its
/// first character; inside, `""` is a quote, and a quote closes the cell only before the
/// separator, a line break or the end) and says where the quote that runs off the end starts.
package enum CSVQuoteCheck {
    /// Where a cell's opening quote is: the row as a spreadsheet numbers it (a quoted line
    /// break keeps its row), the 1-based column, and the line of the text file.
    package struct Place: Sendable, Hashable {
        package var row: Int
        package var column: Int
        package var line: Int
        /// The text file's last line (how far the cell runs).
        package var lastLine: Int

        package init(row: Int, column: Int, line: Int, lastLine: Int) {
            self.row = row
            self.column = column
            self.line = line
            self.lastLine = lastLine
        }
    }

    /// The opening quote of the cell that is still open at the end of `text`, if any.
    package static func unclosed(_ text: String, separator: Character) -> Place? {
        guard let sep = separator.unicodeScalars.first else { return nil }
        let quote: Unicode.Scalar = "\"", cr: Unicode.Scalar = "\r", lf: Unicode.Scalar = "\n"
        var scalars = text.unicodeScalars.makeIterator()
        var back: Unicode.Scalar?
        var line = 1
        var endsWithLineFeed = false
        func next() -> Unicode.Scalar? {
            if let b = back {
                back = nil
                return b
            }
            let c = scalars.next()
            if c == lf { line += 1 }
            if let c { endsWithLineFeed = c == lf }
            return c
        }
        var row = 1, column = 1
        var atFieldStart = true
        while let c = next() {
            if atFieldStart, c == quote {
                let opened = Place(row: row, column: column, line: line, lastLine: line)
                var closed = false
                while let q = next() {
                    guard q == quote else { continue }
                    let after = next()
                    if after == nil || after == cr || after == lf || after == sep {
                        closed = true
                        back = after
                        break
                    }
                    // `""` is a quote in the cell; any other character after a quote is
                    // taken into the cell by the reader, which stays inside the quotes.
                }
                if !closed {
                    var place = opened
                    place.lastLine = endsWithLineFeed ? line - 1 : line
                    return place
                }
                atFieldStart = false
                continue
            }
            atFieldStart = false
            if c == sep {
                column += 1
                atFieldStart = true
            } else if c == cr || c == lf {
                if c == cr, let n = next(), n != lf { back = n }
                row += 1
                column = 1
                atFieldStart = true
            }
        }
        return nil
    }
}
