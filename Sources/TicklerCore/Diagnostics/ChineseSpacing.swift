/// Chinese spacing around the values of a message: a space between a Chinese character and a
/// Latin name, number or ASCII quote, none between two Chinese characters or next to
/// full-width punctuation (docs/glossary.md). The templates write no space around a value
/// that may be either ('{1}中有未知的键' reads "规则文件中有..." and "'followup' 中有...").
enum ChineseSpacing {
    /// Marks where a value starts and ends while the template is filled.
    static let open = "\u{E000}"
    static let close = "\u{E001}"

    /// `text` with the marks replaced by a space where Chinese meets Latin, else removed.
    static func apply(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            guard String(character) == open || String(character) == close else {
                out.append(character)
                continue
            }
            let before = out.last
            let after = characters[(index + 1)...].first { String($0) != open && String($0) != close }
            if let before, let after, (isIdeograph(before) && isLatin(after)) || (isLatin(before) && isIdeograph(after)) {
                out.append(" ")
            }
        }
        return out
    }

    private static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) } ?? false
    }

    private static func isLatin(_ character: Character) -> Bool {
        character.isASCII && character != " "
    }
}
