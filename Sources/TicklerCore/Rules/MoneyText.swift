/// The one money mistake a number parser cannot see: a dot that groups thousands.
///
/// `40.000` is forty thousand in Spain, Hungary or Germany, and 40 to YAML and JSON. A fine or
/// an amount whose fraction has exactly three digits is refused, because no currency Tickler's
/// offices use has thousandths, and reading it either way silently could fine someone a
/// thousand times too little or too much.
package enum MoneyText {
    /// The end of a sentence saying why `text` is refused as money (it starts after the
    /// field's name), or `nil` when it is not a grouped-thousands lookalike.
    package static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingPrefix { $0 == "-" || $0 == "+" }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count == 3,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let whole = parts[0]
        let fraction = parts[1].reversed().drop { $0 == "0" }.reversed()
        let read = fraction.isEmpty ? String(whole) : "\(whole).\(String(fraction))"
        let grouped = String((whole + parts[1]).drop { $0 == "0" })
        return "is '\(text)', which reads as \(read) (the dot is a decimal point), though in many countries it "
            + "groups thousands; write \(grouped.isEmpty ? "0" : grouped) for that many (no thousands separator), "
            + "or at most two decimals (\(whole).\(parts[1].prefix(2))) for a fraction"
    }
}
