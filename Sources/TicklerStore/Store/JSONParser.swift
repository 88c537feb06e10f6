/// A JSON syntax problem at a byte offset of the parsed text.
package struct JSONSyntaxError: Error, Sendable, Hashable {
    /// Byte offset from the start of the parsed text.
    package var offset: Int
    package var message: String

    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes, made for store records.
///
/// Why not `JSONSerialization` or `JSONDecoder`: on the million lines of a generated
/// contacts.jsonl this parser took 0.7 s, `JSONSerialization` 8.1 s and `JSONDecoder` (one
/// `Decodable` struct a line) 13.2 s (release build; `StoreLoaderBenchmark`). It builds no
/// `NSNumber`/`Any` boxes and keeps only the record's top level, it names the byte where a
/// record goes wrong, and it rejects invalid UTF-8 and raw control characters with a message
/// instead of replacing them. Figures and method: docs/store-loader.md.
///
/// Nesting is limited to ``maxDepth`` levels so that hostile input cannot exhaust the stack.
package struct JSONParser {
    package static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses exactly one value filling `bytes` (whitespace around it is allowed); throws
    /// ``JSONSyntaxError`` for anything else, including trailing text.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected text after the end of the value")
        }
        return value
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let byte = current else { throw error("the value is missing") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case 0: throw error("a NUL byte is not allowed in JSON")
        default:
            if byte >= 0x80 { throw error("unexpected non-ASCII text; strings must be in double quotes") }
            throw error("unexpected character '\(Unicode.Scalar(byte))'")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard index + n <= bytes.count else { throw error("unexpected end of text (expected \(word))") }
        let p = word.utf8Start
        for i in 0..<n where bytes[index + i] != p[i] {
            throw error("unexpected word (expected \(word), or a string in double quotes)")
        }
        index += n
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
        index += 1
        var members: [JSONMember] = []
        if depth == 1 { members.reserveCapacity(12) }
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a field name in double quotes") }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the field name \"\(key)\"") }
            index += 1
            skipWhitespace()
            let value = try value(depth: depth)
            if depth == 1 { members.append(JSONMember(key: key, value: value)) }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            case nil: throw error("unexpected end of text inside an object (missing '}')")
            default: throw error("expected ',' or '}' after the value of \"\(key)\"")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array
        }
        while true {
            skipWhitespace()
            _ = try value(depth: depth)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array
            case nil: throw error("unexpected end of text inside an array (missing ']')")
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("a number needs digits") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) {
            throw error("a number cannot start with 0 (write it as a string if it is an id)")
        }
        while let b = current, isDigit(b) { index += 1 }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let b = current, isDigit(b) else { throw error("a number needs digits after '.'") }
            while let b = current, isDigit(b) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let b = current, isDigit(b) else { throw error("a number needs digits in its exponent") }
            while let b = current, isDigit(b) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        var segmentStart = index
        var escaped = false
        var highBits: UInt8 = 0
        while true {
            guard let b = current else {
                index = open
                throw error("a string is not closed (missing '\"')")
            }
            if b == UInt8(ascii: "\"") { break }
            highBits |= b
            if b < 0x20 {
                throw error(b == 0 ? "a NUL byte inside a string" : "a raw control character inside a string (write it as an escape such as \\n)")
            }
            if b == UInt8(ascii: "\\") {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                try escape()
                segmentStart = index
                continue
            }
            index += 1
        }
        let text: String
        if escaped {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
            text = try scratch.withUnsafeBufferPointer { (s) throws(JSONSyntaxError) in try decodeUTF8(s, ascii: false, open) }
        } else {
            text = try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]), ascii: highBits < 0x80, open)
        }
        index += 1
        return text
    }

    /// The string of `utf8`, rejecting invalid UTF-8. `String(validating:as:)` would do, but it
    /// is generic and unspecialised here: it cost a quarter of the load time in a profile.
    private func decodeUTF8(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, _ open: Int) throws(JSONSyntaxError)
        -> String
    {
        guard ascii || UTF8Check.isValid(utf8) else {
            throw JSONSyntaxError(offset: open, message: "a string holds bytes that are not valid UTF-8 (save the file as UTF-8)")
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Decodes one escape at `index` (the backslash) into `scratch`.
    private mutating func escape() throws(JSONSyntaxError) {
        let backslash = index
        index += 1
        guard let b = current else { throw error("a string ends inside an escape") }
        index += 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(b)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("a \\u escape holds half a surrogate pair") }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("a \\u escape holds half a surrogate pair") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("a \\u escape holds half a surrogate pair")
            }
            if scalar == 0 {
                index = backslash
                throw error("a \\u0000 (NUL) escape inside a string")
            }
            scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            index -= 1
            throw error("unknown escape '\\\(Unicode.Scalar(b))' in a string")
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
