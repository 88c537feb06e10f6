import Foundation

/// Safe header values: store data (names, subjects) never carries a line break or a control
/// character into a header, and non-ASCII text becomes RFC 2047 encoded-words.
package enum HeaderText {
    /// `text` with every control character (CR, LF, TAB, NUL, DEL, C1) replaced by a space
    /// and runs of spaces collapsed: what remains cannot end a header or start a new one.
    package static func sanitized(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029
            if isControl || scalar == " " {
                if !lastWasSpace && !result.isEmpty { result.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// An unstructured header value (`Subject`): sanitized; ASCII text as it is, otherwise
    /// RFC 2047 `=?UTF-8?B?...?=` encoded-words of at most 75 characters each, split on
    /// character boundaries. `used` is how many characters of the first line the header
    /// name already takes, so the result can be folded at 78 columns.
    package static func unstructured(_ text: String, used: Int) -> String {
        let clean = sanitized(text)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !clean.contains("=?") {
            return fold(clean, used: used)
        }
        return encodedWords(clean, used: used)
    }

    /// A display name for an address header: a quoted string when ASCII, encoded-words
    /// otherwise.
    package static func displayName(_ name: String, used: Int) -> String {
        let clean = sanitized(name)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encodedWords(clean, used: used)
    }

    /// Encoded-words joined by folding whitespace (`\n ` in the LF form the mail stores
    /// use). Each word holds whole UTF-8 characters and is at most 75 characters, and each
    /// line (header name included) at most 78.
    package static func encodedWords(_ text: String, used: Int) -> String {
        let prefix = "=?UTF-8?B?"
        let suffix = "?="
        // Text bytes that fit in a word of `room` characters: 4 base64 characters per 3 bytes.
        func capacity(_ room: Int) -> Int { max(3, (min(75, room) - prefix.count - suffix.count) / 4 * 3) }
        var result = ""
        var column = used
        var chunk: [UInt8] = []
        var limit = capacity(78 - column)
        func flush() {
            guard !chunk.isEmpty else { return }
            if !result.isEmpty {
                result += "\n "
                column = 1
            }
            let word = prefix + Data(chunk).base64EncodedString() + suffix
            result += word
            column += word.count
            chunk = []
            limit = capacity(78 - 1)
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > limit { flush() }
            chunk.append(contentsOf: bytes)
        }
        flush()
        return result
    }

    /// Folds ASCII text at spaces so lines stay within 78 columns where possible.
    package static func fold(_ text: String, used: Int) -> String {
        var result = ""
        var column = used
        for (i, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i > 0 {
                if column + 1 + word.count > 78 && column > 1 {
                    result += "\n "
                    column = 1
                } else {
                    result += " "
                    column += 1
                }
            }
            result += word
            column += word.count
        }
        return result
    }

    /// True for a plain `local@domain` (or bare local user) address with no characters that
    /// could break out of the header.
    package static func isPlainAddress(_ address: String) -> Bool {
        guard !address.isEmpty, address.utf8.count <= 254 else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~@")
        guard address.allSatisfy({ allowed.contains($0) }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return !address.hasPrefix("-")
    }
}
