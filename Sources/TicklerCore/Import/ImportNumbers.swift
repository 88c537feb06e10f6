import Foundation

/// Reads amounts as offices write them: `1,234,567.89` (en, zh), `1.234.567,89` (es),
/// `1 234 567,89` (hu, with a space or a no-break space), with a currency sign or word
/// (`¥`, `€`, `$`, `Ft`, `元`, `HUF`) or a percent sign around it.
///
/// Written by hand: Foundation's number parsing needs the locale up front, and one office's
/// sheet often mixes a bare `1234.5` with `1.234,50`; the separators tell which is which
/// except in `1.234` or `1,234`, which the file's decimal separator settles.
package enum ImportNumbers {
    /// The number's plain literal (`1234567.89`, `-5`), or `nil` when `text` is not a number.
    /// `decimalComma` is the file's convention: `true` where a comma separates decimals.
    package static func parse(_ text: String, decimalComma: Bool) -> String? {
        var body = text.unicodeScalars.filter { !unitScalars.contains($0) }.map(Character.init)
        for word in ["HUF", "EUR", "USD", "CNY", "RMB", "Ft", "ft", "元", "万元"] where String(body).hasSuffix(word) {
            body.removeLast(word.count)
        }
        var s = String(body).trimmingCharacters(in: .whitespaces)
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("−") {
            negative = true
            s.removeFirst()
        } else if s.hasPrefix("("), s.hasSuffix(")") {
            negative = true
            s = String(s.dropFirst().dropLast())
        }
        s = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{A0}", with: "")
            .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "'", with: "")
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let dots = s.filter { $0 == "." }.count
        let commas = s.filter { $0 == "," }.count
        let decimal: Character?
        if dots > 0, commas > 0 {
            decimal = s.lastIndex(of: ".")! > s.lastIndex(of: ",")! ? "." : ","
        } else if dots > 1 || commas > 1 {
            decimal = nil
        } else if dots == 1 || commas == 1 {
            let mark: Character = dots == 1 ? "." : ","
            let after = s.split(separator: mark, omittingEmptySubsequences: false)[1].count
            // `1,234` is a thousand and more in English, one and a bit in Spanish: the file decides.
            decimal = after != 3 ? mark : ((mark == ",") == decimalComma ? mark : nil)
        } else {
            decimal = nil
        }
        let thousands: Character? = decimal == "." ? "," : decimal == "," ? "." : (dots > 0 ? "." : commas > 0 ? "," : nil)
        if let thousands, !validGroups(s, thousands: thousands, decimal: decimal) { return nil }
        var literal = s.filter { $0 != thousands }
        if let decimal, decimal != "." { literal = literal.replacingOccurrences(of: String(decimal), with: ".") }
        if literal.hasPrefix(".") { literal = "0" + literal }
        guard !literal.hasSuffix("."), literal.filter({ $0 == "." }).count <= 1 else { return nil }
        return negative ? "-" + literal : literal
    }

    /// Whether one column's amounts use a decimal comma, as its cells show: `1.234,5` or a
    /// comma before one or two final digits say yes, `1,234.5` or a point before one or two
    /// final digits say no. `nil` when no cell tells, or cells disagree.
    package static func inferDecimalComma(_ texts: [String]) -> Bool? {
        var seen: Set<Bool> = []
        for text in texts {
            let s = text.filter { $0.isNumber || $0 == "." || $0 == "," }
            guard let last = s.lastIndex(where: { $0 == "." || $0 == "," }) else { continue }
            let digitsAfter = s.distance(from: s.index(after: last), to: s.endIndex)
            let both = s.contains(".") && s.contains(",")
            if both || (1...2).contains(digitsAfter) { seen.insert(s[last] == ",") }
        }
        return seen.count == 1 ? seen.first : nil
    }

    /// Groups after the first are exactly three digits (`1,23,4` is a typo, not a number).
    private static func validGroups(_ s: String, thousands: Character, decimal: Character?) -> Bool {
        let whole = decimal.map { s.split(separator: $0, omittingEmptySubsequences: false)[0] } ?? Substring(s)
        let groups = whole.split(separator: thousands, omittingEmptySubsequences: false)
        guard groups.count > 1 else { return true }
        return !groups[0].isEmpty && groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static let unitScalars: Set<Unicode.Scalar> = ["¥", "￥", "€", "$", "£", "%", "％"]
}
