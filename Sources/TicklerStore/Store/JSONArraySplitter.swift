/// Finds the elements of a top-level JSON array without parsing them, so that each element
/// can be parsed (and fail) on its own and be reported at the line where it starts.
///
/// A byte scanner: it tracks strings, escapes and bracket nesting, and splits at the commas
/// of the top level. It fails only when the array itself is broken (no `[`, an unclosed
/// string or bracket, a stray closing bracket, text after the final `]`).
package enum JSONArraySplitter {
    /// One element: its bytes are `start..<end` of the text, starting on line `line`.
    package struct Element: Sendable, Hashable {
        package var start: Int
        package var end: Int
        package var line: Int
    }

    /// Why the text is not a JSON array at all, and the line where that shows.
    package struct Failure: Error, Sendable, Hashable {
        package var line: Int
        package var message: String
    }

    /// The elements of the array that `bytes` holds (an optional UTF-8 byte order mark and
    /// whitespace around it are allowed); throws ``Failure`` when the array is broken.
    package static func split(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [Element] {
        var i = 0
        var line = 1
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        func skipWhitespace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A: line += 1; i += 1
                case 0x20, 0x0D, 0x09: i += 1
                default: return
                }
            }
        }
        skipWhitespace()
        guard i < bytes.count else { throw Failure(line: line, message: "the file is empty; write [] for an empty collection") }
        guard bytes[i] == UInt8(ascii: "[") else {
            throw Failure(line: line, message: "expected a JSON array of records ('[' ... ']'), found '\(printable(bytes[i]))'")
        }
        let openLine = line
        i += 1
        skipWhitespace()
        var elements: [Element] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            var start = i
            var startLine = line
            var depth = 0
            var stringLine = 0
            var inString = false
            var closed = false
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if inString {
                    if b == UInt8(ascii: "\\") {
                        if i < bytes.count, bytes[i] == 0x0A { line += 1 }
                        i += 1
                    } else if b == UInt8(ascii: "\"") {
                        inString = false
                    } else if b == 0x0A {
                        line += 1
                    }
                    continue
                }
                switch b {
                case 0x0A: line += 1
                case UInt8(ascii: "\""):
                    inString = true
                    stringLine = line
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth > 0 {
                        depth -= 1
                    } else if b == UInt8(ascii: "}") {
                        throw Failure(line: line, message: "a '}' closes nothing")
                    } else {
                        elements.append(Element(start: start, end: i - 1, line: startLine))
                        closed = true
                    }
                case UInt8(ascii: ","):
                    if depth == 0 {
                        elements.append(Element(start: start, end: i - 1, line: startLine))
                        skipWhitespace()
                        start = i
                        startLine = line
                    }
                default: break
                }
                if closed { break }
            }
            if inString { throw Failure(line: stringLine, message: "a string is not closed (missing '\"')") }
            if !closed {
                throw Failure(line: openLine, message: "the array that starts here is not closed (missing ']')")
            }
        }
        skipWhitespace()
        if i < bytes.count {
            throw Failure(line: line, message: "unexpected text after the closing ']' of the array")
        }
        return elements
    }

    private static func printable(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Unicode.Scalar(b)) : "byte 0x" + String(b, radix: 16, uppercase: true)
    }
}
