/// Why a store identifier (a rep id, a mailbox name) cannot be used where it was meant to go.
///
/// ``message`` quotes the refused text with ``IdentifierText/quoted(_:)``, so a CR, LF or other
/// control character in it never reaches a log line, a header or the terminal as itself.
package struct IdentifierProblem: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Code: String, Sendable, Hashable {
        case empty
        case tooLong
        case controlCharacter
        case pathSeparator
        case dotName
        case leadingDash
        case notAUserName
    }

    package var code: Code
    /// A sentence naming the text and saying what is wrong with it.
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}

/// Helpers to show and clean identifier text safely.
package enum IdentifierText {
    /// True for the characters that must never reach a path, a header or a log line raw: C0
    /// and C1 controls (CR, LF, NUL, ESC...), DEL, and the Unicode line and paragraph separators.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// `text` in double quotes with controls escaped (`"a\r\nb"`), clipped to `limit` characters:
    /// safe to print in a message whatever the text holds.
    package static func quoted(_ text: String, limit: Int = 40) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "..."
                break
            }
            count += 1
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if isControl(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` with every control character (see ``isControl(_:)``) replaced by a space and runs
    /// of spaces left as they are: for free text (a rep's or customer's name) that goes into a
    /// mail header or a one-line log field, where a CR or LF would start a new header or line.
    package static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { view.append(isControl(scalar) ? " " : scalar) }
        return String(view)
    }
}
