/// Number agreement in notice texts: "1 day", "2 days"; "1 punto", "2 puntos". Hungarian
/// keeps the singular after a numeral ("2 nap") and Chinese has no plural, so their texts
/// need no help.
enum Plural {
    /// `count` followed by the English or Spanish noun in the right number.
    static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
