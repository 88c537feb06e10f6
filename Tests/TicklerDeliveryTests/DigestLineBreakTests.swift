import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// A line break in store text (a customer's name, a note, an alert's message) must not add
/// lines to a digest: a customer named `Acme\n  [overdue/...]` forged a notice line.
@Suite("Digest text: one line per item", .enabled(if: ExternalTool.hasPython, "needs python3"))
struct DigestLineBreakTests {
    /// Every character some reader breaks a line on: Python's `str.splitlines` set (LF, CR,
    /// VT, FF, FS, GS, RS, NEL, LS, PS) and CRLF.
    static let breaks = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]

    static func body(customerName: String, repName: String, locale: NoticeLocale) -> String {
        let notices = [
            SampleNotices.overdue("A1", name: customerName, level: 1, days: 4),
            SampleNotices.dueSoon("C1", name: customerName),
        ]
        return DigestText.body(Digest(recipient: "r1", recipientName: repName, locale: locale, notices: notices))
    }

    /// Python's count of the lines of `text` (`str.splitlines`, the widest notion of a line).
    static func pythonLines(_ text: String) throws -> [String] {
        let folder = try TempFolder()
        defer { folder.remove() }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path + "/body.txt"))
        let json = try ExternalTool.python(
            "import sys, json; print(json.dumps(open(sys.argv[1], encoding='utf-8', newline='').read().splitlines()))",
            [folder.path + "/body.txt"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
    }

    @Test("a line break in a customer's or rep's name adds no line in any language", arguments: breaks.indices)
    func noForgedLine(index: Int) throws {
        let forged = "Acme" + Self.breaks[index] + "  [overdue/FORGED/2026-11-20/2]" + Self.breaks[index] + "- Fake notice"
        for locale in NoticeLocale.allCases {
            let plain = Self.body(customerName: "Acme  [overdue/FORGED/2026-11-20/2] - Fake notice", repName: "Li Wei X", locale: locale)
            let body = Self.body(customerName: forged, repName: "Li Wei" + Self.breaks[index] + "X", locale: locale)
            let lines = try Self.pythonLines(body)
            #expect(lines.count == plain.split(separator: "\n", omittingEmptySubsequences: false).count - 1, "\(locale)")
            #expect(!lines.contains { $0.hasPrefix("  [overdue/FORGED") || $0.hasPrefix("- Fake") }, "\(locale)")
            #expect(lines.filter { $0.hasPrefix("  [") }.count == 2, "one key line per notice (\(locale))")
        }
    }

    @Test("the subject of a digest is one line whatever the rep's name")
    func subject() {
        for separator in Self.breaks {
            let digest = Digest(recipient: "r1", recipientName: "Li" + separator + "Bcc: x", locale: .en, notices: SampleNotices.mixed)
            #expect(!DigestText.subject(digest).unicodeScalars.contains(where: TextLine.breaksLine))
        }
    }

    @Test("a report table's cells stay on their row")
    func reportCells() throws {
        let table = ReportTable(
            id: "t", title: "Numbers\nforged", columns: ["Rep", "Calls"], rows: [["Li\u{2028}Wei\r\nZhang", "3"], ["Wang", "4"]],
            notes: ["a\nb"])
        let lines = try Self.pythonLines(ReportRendering.text(table))
        #expect(lines.count == 6, "title, header, rule, two rows, one note: \(lines)")
    }
}
