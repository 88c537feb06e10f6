import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a ``Notice`` as one JSON object, byte for byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` makes of it (`eval --format json`).
///
/// Hand-written because `JSONEncoder` per notice (a container tree, a `Data` and a `String`
/// per line, then a `print`) was measured to cost: about an eighth of a release cold `eval`
/// (`perf record`, docs/performance.md), and 4.1% of the samples of a debug
/// `eval --rules rules/office.yaml --format json` on the 10k/100k benchmark store (18,247
/// notices). The keys are written in sorted order here; `NoticeJSONWriterTests` checks the
/// bytes against `JSONEncoder` for random notices of every kind.
package enum NoticeJSONWriter {
    /// Appends `notice` as one JSON object (no line break) to `out`.
    package static func append(_ notice: Notice, to out: inout [UInt8]) {
        // Sorted keys: bonus, customer, date, days, due, fine, key, kind, level, message,
        // minutes, points, rep, rule, score, source, to.
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        if let bonus = notice.bonus { key("bonus"); appendDecimal(bonus, to: &out) }
        if let customer = notice.customer { key("customer"); appendString(customer, to: &out) }
        if let date = notice.date { key("date"); appendDate(date, to: &out) }
        if let days = notice.days { key("days"); appendInt(days, to: &out) }
        if let due = notice.due { key("due"); appendDate(due, to: &out) }
        if let fine = notice.fine { key("fine"); appendDecimal(fine, to: &out) }
        key("key"); appendString(notice.key, to: &out)
        key("kind"); appendString(notice.kind.rawValue, to: &out)
        if let level = notice.level { key("level"); appendInt(level, to: &out) }
        key("message"); appendString(notice.message, to: &out)
        if let minutes = notice.minutes { key("minutes"); appendInt(minutes, to: &out) }
        if let points = notice.points { key("points"); appendInt(points, to: &out) }
        key("rep"); appendString(notice.rep, to: &out)
        key("rule"); appendString(notice.rule, to: &out)
        if let score = notice.score { key("score"); appendInt(score, to: &out) }
        if let source = notice.source { key("source"); appendString(source, to: &out) }
        key("to")
        out.append(UInt8(ascii: "["))
        for (i, recipient) in notice.to.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendString(recipient, to: &out)
        }
        out.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "}")])
    }

    /// One notice as a line's text, without the line break.
    package static func line(_ notice: Notice) -> String {
        var out: [UInt8] = []
        append(notice, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\` escaped, `\b \f \n \r \t`, other
    /// control characters as `\u00XX`, everything else (slashes, non-ASCII) as UTF-8. The runs
    /// between bytes to escape are found with `strcspn` and copied whole: a byte loop in Swift
    /// made the writer slower than `JSONEncoder` in a debug build.
    package static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let count = text.utf8.count
        text.withCString { chars in
            chars.withMemoryRebound(to: UInt8.self, capacity: count + 1) { bytes in
                var start = 0
                while start < count {
                    // Stops at a byte to escape or at a NUL (the terminator or one in the text).
                    let run = escapeStops.withUnsafeBufferPointer { strcspn(chars + start, $0.baseAddress!) }
                    out.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: run))
                    let i = start + run
                    if i >= count { break }
                    appendEscape(bytes[i], to: &out)
                    start = i + 1
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes `strcspn` stops at: `"`, `\` and the control characters but NUL (which ends
    /// the set; `strcspn` stops at a NUL anyway).
    private static let escapeStops: [CChar] = ([0x22, 0x5C] + Array(1...0x1F) + [0]).map { CChar(bitPattern: $0) }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: out.append(UInt8(ascii: "\""))
        case 0x5C: out.append(UInt8(ascii: "\\"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    private static func appendInt(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// `JSONEncoder` writes a `Decimal` as a number in its `description`.
    private static func appendDecimal(_ value: Decimal, to out: inout [UInt8]) {
        out.append(contentsOf: value.description.utf8)
    }

    private static func appendDate(_ date: LocalDate, to out: inout [UInt8]) {
        appendString(date.description, to: &out)
    }
}
