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

    /// The longest line of a header holding encoded-words, header name included (RFC 2047
    /// section 2: 76 characters); plain ASCII text is folded at 78 (RFC 5322's "should").
    package static let encodedLineLimit = 76
    /// The longest encoded-word (RFC 2047 section 2).
    package static let encodedWordLimit = 75
    /// The longest word plain text may keep unencoded: folded onto a line of its own it stays
    /// within 78 columns. Longer words (a 3,000-character name) are encoded and split.
    static let plainWordLimit = 76

    /// An unstructured header value (`Subject`): sanitized; ASCII text as it is, folded at
    /// spaces, when every word fits on a line; otherwise RFC 2047 `=?UTF-8?B?...?=`
    /// encoded-words of at most 75 characters, split between Unicode scalars, on lines of
    /// at most 76 columns. `used` is how many characters of the first line the header name
    /// already takes. No line of the result is longer than 998 characters, whatever the text.
    package static func unstructured(_ text: String, used: Int) -> String {
        let clean = sanitized(text)
        if isPlain(clean) && !clean.contains("=?")
            && clean.split(separator: " ").allSatisfy({ $0.count <= plainWordLimit })
        {
            return fold(clean, used: used)
        }
        return encodedWords(clean, used: used)
    }

    /// A display name for an address header: a quoted string when ASCII, one encoded-word
    /// otherwise, always on one line. A name too long for that (more than 45 bytes of UTF-8
    /// after `To: `, about 15 Chinese characters or 40 accented Latin letters; more than
    /// about 66 ASCII characters) is shortened and ends in `…` (`...` when ASCII): split
    /// over several encoded-words, readers disagree on the name (Python's `email` reads a
    /// space between the words, RFC 2047 none), and a quoted string without spaces cannot
    /// be folded. The subject still carries the whole name.
    package static func displayName(_ name: String, used: Int) -> String {
        let clean = sanitized(name)
        if isPlain(clean) {
            func escaped(_ c: Character) -> String { c == "\\" || c == "\"" ? "\\" + String(c) : String(c) }
            let whole = clean.map(escaped).joined()
            guard whole.count > quotedNameLimit else { return "\"\(whole)\"" }
            var kept = ""
            for c in clean {
                let piece = escaped(c)
                guard kept.count + piece.count <= quotedNameLimit - 3 else { break }
                kept += piece
            }
            return "\"\(kept)...\""
        }
        let room = encodedCapacity(encodedLineLimit - used)
        guard clean.utf8.count > room else { return encodedWords(clean, used: used) }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in clean.unicodeScalars {
            let size = String(scalar).utf8.count
            guard bytes + size <= room - 3 else { break }
            kept.append(scalar)
            bytes += size
        }
        return encodedWords(String(kept) + "…", used: used)
    }

    /// The longest quoted display name kept, escapes included and quotes not.
    static let quotedNameLimit = 66

    /// Text bytes one encoded-word of at most `room` characters holds (4 base64 characters
    /// per 3 bytes, 12 characters of `=?UTF-8?B?` and `?=`), at least 3.
    static func encodedCapacity(_ room: Int) -> Int {
        max(3, (min(encodedWordLimit, room) - 12) / 4 * 3)
    }

    /// Printable ASCII only (no control character, nothing 8-bit).
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// Encoded-words joined by folding whitespace (`\n ` in the LF form the mail stores
    /// use). Each word holds whole UTF-8 characters (never half of a scalar's bytes) and is
    /// at most 75 characters, and each line (header name included) at most 76.
    package static func encodedWords(_ text: String, used: Int) -> String {
        let prefix = "=?UTF-8?B?"
        let suffix = "?="
        var result = ""
        var chunk: [UInt8] = []
        var limit = encodedCapacity(encodedLineLimit - used)
        func flush() {
            guard !chunk.isEmpty else { return }
            if !result.isEmpty { result += "\n " }
            result += prefix + Data(chunk).base64EncodedString() + suffix
            chunk = []
            limit = encodedCapacity(encodedLineLimit - 1)
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > limit { flush() }
            chunk.append(contentsOf: bytes)
        }
        flush()
        return result
    }

    /// How many characters the last line of `value` takes, when the first line already
    /// has `used`.
    static func lastLineLength(_ value: String, used: Int) -> Int {
        guard let newline = value.lastIndex(of: "\n") else { return used + value.count }
        return value.distance(from: newline, to: value.endIndex) - 1
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
