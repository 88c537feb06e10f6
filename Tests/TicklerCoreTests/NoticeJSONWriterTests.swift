import Foundation
import Testing
import TicklerCore

/// `eval --format json` writes notices with ``NoticeJSONWriter`` instead of `JSONEncoder`:
/// the bytes must be exactly the encoder's, for every kind and any text.
@Suite struct NoticeJSONWriterTests {
    /// A deterministic generator (SplitMix64), so a failure names a reproducible seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces of text that JSON escapes or that are multi-byte in UTF-8.
    static let pieces: [String] = [
        "a", "Zhang", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\n", "\r", "\u{C}", "\u{1F}", "\u{7F}",
        "é", "王小明", "客户", "😀", "👨‍👩‍👧", "\u{2028}", "\u{FEFF}", " ", "{", "}", "[", ":", ",", "c-1001", "扣 50 分",
    ]

    static func text(_ g: inout Generator) -> String {
        (0..<Int.random(in: 0...8, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    static func decimal(_ g: inout Generator) -> Decimal {
        [Decimal(0), Decimal(50), Decimal(string: "12.5")!, Decimal(string: "0.01")!, Decimal(-3), Decimal(1_000_000),
         Decimal(string: "199.99")!].randomElement(using: &g)!
    }

    static func facts(_ g: inout Generator) -> NoticeFacts? {
        let date = LocalDate(dayNumber: Int.random(in: 0...30000, using: &g))
        let maybeInt: Int? = Bool.random(using: &g) ? Int.random(in: -5...500, using: &g) : nil
        switch Int.random(in: 0...3, using: &g) {
        case 0: return nil
        case 1:
            return .followup(.init(customerName: text(&g), customerClass: "A", due: date, daysOverdue: maybeInt))
        case 2: return .attendance(.init(repName: text(&g), date: date, minutesLate: maybeInt))
        default:
            return .score(.init(repName: text(&g), period: "2026-11", points: Int.random(in: -50...50, using: &g), warnBelow: 10))
        }
    }

    static func notice(_ g: inout Generator) -> Notice {
        var n = Notice(
            key: text(&g), kind: NoticeKind.allCases.randomElement(using: &g)!, rule: text(&g), rep: text(&g),
            customer: Bool.random(using: &g) ? text(&g) : nil,
            to: (0..<Int.random(in: 0...3, using: &g)).map { _ in text(&g) },
            level: Bool.random(using: &g) ? Int.random(in: 0...4, using: &g) : nil,
            fine: Bool.random(using: &g) ? decimal(&g) : nil,
            points: Bool.random(using: &g) ? Int.random(in: -10...10, using: &g) : nil, message: text(&g),
            source: Bool.random(using: &g) ? "events.jsonl:\(Int.random(in: 1...9999, using: &g))" : nil,
            date: Bool.random(using: &g) ? LocalDate(dayNumber: Int.random(in: 0...30000, using: &g)) : nil,
            facts: facts(&g))
        n.bonus = Bool.random(using: &g) ? decimal(&g) : nil
        return n
    }

    @Test("5,000 random notices of every kind are written byte for byte as JSONEncoder writes them")
    func matchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var g = Generator(state: 16)
        var kinds = Set<NoticeKind>()
        for i in 0..<5000 {
            let notice = Self.notice(&g)
            kinds.insert(notice.kind)
            let expected = String(decoding: try encoder.encode(notice), as: UTF8.self)
            let written = NoticeJSONWriter.line(notice)
            #expect(written == expected, "notice \(i)")
            if written != expected { break }
            // And it is JSON that parses to the same object.
            let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary
            let reference = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
            #expect(parsed == reference)
        }
        #expect(kinds == Set(NoticeKind.allCases))
    }

    @Test("control characters, quotes and backslashes are escaped the encoder's way")
    func escapes() {
        var out: [UInt8] = []
        NoticeJSONWriter.appendString("a\"b\\c/d\u{1}\u{1F}\t\n😀王", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c/d\u0001\u001f\t\n😀王""#)
    }
}
