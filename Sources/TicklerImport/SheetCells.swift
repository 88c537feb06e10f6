import Foundation
import TicklerCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A worksheet part's `<row>`s and `<c>`ells as text (see ``XLSXSheet``).
enum SheetCells {
    static func parse(_ data: Data, strings: [String], styles: CellStyles, date1904: Bool) -> [SheetRow] {
        let delegate = Collector(strings: strings, styles: styles, date1904: date1904)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.rows
    }

    /// `C` → 2, `AA` → 26 (0-based) from a reference such as `AA12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for c in reference.unicodeScalars {
            guard c.value >= 65, c.value <= 90 else { break }
            index = index * 26 + Int(c.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// A number cell's text: a date or time as the store writes it, a whole number without
    /// `.0`, other numbers as written.
    static func numberText(_ raw: String, kind: CellStyles.Kind, date1904: Bool) -> String {
        guard let value = Double(raw) else { return raw }
        switch kind {
        case .date, .time:
            if kind == .time || value < 1 {
                let minutes = Int(((value - value.rounded(.down)) * 1440).rounded())
                return String(format: "%02d:%02d", minutes / 60 % 24, minutes % 60)
            }
            let serial = date1904 ? value + 1462 : value
            guard let parsed = try? ImportDates.excelSerial(serial) else { return raw }
            return parsed.seconds == nil ? parsed.dateText : parsed.timestampText
        case .number:
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return raw
        }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let strings: [String]
        let styles: CellStyles
        let date1904: Bool
        var rows: [SheetRow] = []
        var rowNumber = 0
        var cells: [String] = []
        var column = 0
        var type = ""
        var style: Int?
        var value = ""
        var inline = ""
        var reading: String?

        init(strings: [String], styles: CellStyles, date1904: Bool) {
            self.strings = strings
            self.styles = styles
            self.date1904 = date1904
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch localName(name) {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                cells = []
                column = 0
            case "c":
                column = attributes["r"].flatMap(SheetCells.columnIndex) ?? cells.count
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init)
                value = ""
                inline = ""
            case "v": reading = "v"
            case "t": reading = "t"
            case "rPh": reading = nil
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if reading == "v" { value += string } else if reading == "t" { inline += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch localName(name) {
            case "v", "t": reading = nil
            case "c":
                let text: String
                switch type {
                case "s": text = Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
                case "inlineStr": text = inline
                case "str": text = value
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                case "e": text = value
                default: text = value.isEmpty ? "" : SheetCells.numberText(value, kind: styles.kind(style), date1904: date1904)
                }
                while cells.count < column { cells.append("") }
                if cells.count == column { cells.append(text) } else if column < cells.count { cells[column] = text }
            case "row":
                rows.append(SheetRow(number: rowNumber, cells: cells))
            default: break
            }
        }
    }
}
