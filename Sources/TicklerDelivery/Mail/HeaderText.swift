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

    /// Encoded-words joined by folding whitespace (CRLF-free: `\n ` in the LF form the mail
    /// stores use). Each word holds whole UTF-8 characters and is at most 75 characters.
    package static func encodedWords(_ text: String, used: Int) -> String {
        let prefix = "=?UTF-8?B?"
        let suffix = "?="
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - 12 (prefix + suffix) = 63 base64 characters at most: 45 bytes of text.
        let maxBytes = 45
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(prefix + Data(chunk).base64EncodedString() + suffix)
                chunk = []
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
        var result = ""
        var column = used
        for (i, word) in words.enumerated() {
            if i > 0 {
                if column + 1 + word.count > 78 {
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
