import Foundation

/// Reads one cell as the type of its store field: a value map of the mapping file first
/// (`VIP → A`), then dates, times, numbers, yes/no and fixed words in the seeds' languages.
package struct ImportCells: Sendable {
    /// Why a cell cannot be read; the message says what to write instead.
    package struct Problem: Error, Sendable, Hashable {
        package var message: String
        package init(_ message: String) { self.message = message }
    }

    package var mapping: ImportMapping
    package var decimalComma: Bool
    /// How `03/04/2026` reads in each date field (from the mapping, or settled by the column).
    package var dateOrders: [String: DateOrder]
    /// The decimal separator of each number field where its column settles it.
    package var decimalCommas: [String: Bool]

    package init(mapping: ImportMapping, decimalComma: Bool, dateOrders: [String: DateOrder] = [:], decimalCommas: [String: Bool] = [:]) {
        self.mapping = mapping
        self.decimalComma = decimalComma
        self.dateOrders = dateOrders
        self.decimalCommas = decimalCommas
    }

    /// The value of `text` for `field`; `nil` when the cell is empty.
    package func value(_ raw: String, field: String) throws(Problem) -> ImportedValue? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let table = mapping.values[field] {
            let key = ImportHeaders.normalized(text)
            if let mapped = table[text] ?? table.first(where: { ImportHeaders.normalized($0.key) == key && !key.isEmpty })?.value {
                text = mapped
            }
        }
        if text.isEmpty { text = mapping.defaults[field] ?? "" }
        guard !text.isEmpty else { return nil }
        let quoted = "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        switch ImportFieldKind.of(field) {
        case .text:
            return .text(text)
        case .date, .timestamp:
            do throws(ImportDates.Problem) {
                let parsed = try ImportDates.parse(text, order: dateOrders[field] ?? mapping.dateOrder)
                return .text(ImportFieldKind.of(field) == .date ? parsed.dateText : parsed.timestampText)
            } catch .ambiguous {
                throw Problem("\(quoted) could be day/month or month/day, and no cell of this column settles it; pass --date-format dmy (24/11/2026) or mdy (11/24/2026), or set date_format in the mapping file")
            } catch {
                throw Problem("\(quoted) is not a date; write it like 2026-11-24, 2026/11/24, 24.11.2026 or 2026年11月24日, with a time after it if there is one (10:30)")
            }
        case .timeOfDay:
            if let fraction = Double(text), fraction >= 0, fraction < 1 {
                let minutes = Int((fraction * 1440).rounded())
                return .text(String(format: "%02d:%02d", minutes / 60 % 24, minutes % 60))
            }
            let parts = text.split(separator: ":")
            guard (2...3).contains(parts.count), let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
            else { throw Problem("\(quoted) is not a time of day; write it as HH:MM, e.g. 08:35") }
            return .text(String(format: "%02d:%02d", h, m))
        case .integer:
            guard let number = ImportNumbers.parse(text, decimalComma: decimalCommas[field] ?? decimalComma), let whole = Double(number),
                whole == whole.rounded()
            else { throw Problem("\(quoted) is not a whole number") }
            return .number(String(Int(whole)))
        case .number:
            guard let number = ImportNumbers.parse(text, decimalComma: decimalCommas[field] ?? decimalComma) else {
                throw Problem("\(quoted) is not a number; write digits with at most one decimal separator (1234.50, 1.234,50 or 1 234,50)")
            }
            return .number(number)
        case .bool:
            guard let value = ImportWords.bool(text) else {
                throw Problem("\(quoted) is not yes or no; write yes/no, 是/否, sí/no, igen/nem, or 1/0")
            }
            return .bool(value)
        case .choice(let choices):
            guard let word = ImportWords.choice(text, among: choices) else {
                throw Problem("\(quoted) is not a '\(field)' value; use one of \(choices.joined(separator: ", ")), or map it in a mapping file (values: {\(field): {\(text): \(choices[0])}})")
            }
            return .text(word)
        }
    }
}
