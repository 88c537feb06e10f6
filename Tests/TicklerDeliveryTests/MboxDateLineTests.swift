import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// The mbox `From ` line in `ctime(3)` form, and real readers opening a spool written on a
/// day 1-9 of a month (NeoMutt took `Dec 2` with one space for no separator at all and
/// showed an empty mailbox).
@Suite("mbox From line dates", .enabled(if: ExternalTool.hasPython, "needs python3"))
struct MboxDateLineTests {
    /// 2026-12-02 04:57:58 UTC, a Wednesday.
    static let secondOfDecember = Date(timeIntervalSince1970: 1_796_187_478)

    static func digest(_ customer: String, name: String) -> OutboundMessage {
        let rep = Rep(id: "kovacsp", name: "Kovács Péter", mailbox: "kovacsp", locale: .hu)
        let digest = Digest(
            recipient: "kovacsp", recipientName: rep.name, locale: .en,
            notices: [SampleNotices.dueSoon(customer, name: name, to: ["kovacsp"])])
        return DigestMail(from: "Tickler <tickler@office.example>", mode: .mailbox, timeZone: TimeZone(identifier: "UTC")!, domain: "office.example")
            .message(digest, rep: rep, at: secondOfDecember)
    }

    /// Three digests appended to `kovacsp` in a spool on 2 December.
    static func spoolOfTheSecond() async throws -> (TempFolder, String) {
        let spool = try TempFolder()
        let transport = MboxSpool(directory: spool.path, sender: "tickler@office.example", now: { secondOfDecember })
        for (customer, name) in [("C1", "Alpha"), ("C2", "Beta"), ("C3", "Gamma")] {
            #expect(await transport.deliver(digest(customer, name: name)) == .delivered)
        }
        return (spool, spool.path + "/kovacsp")
    }

    @Test("the From line pads the day with a space: Wed Dec  2 04:57:58 2026")
    func paddedDay() async throws {
        let (spool, mbox) = try await Self.spoolOfTheSecond()
        defer { spool.remove() }
        let lines = try String(contentsOfFile: mbox, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("From ") }
        #expect(lines == Array(repeating: "From tickler@office.example Wed Dec  2 04:57:58 2026", count: 3))
    }

    @Test("MboxFormat.ctime matches C's asctime (Python time.asctime) over days 1-31 and every month")
    func matchesAsctime() throws {
        // Noon-ish times on many days, a leap day, the year's edges, and single-digit hours.
        var stamps: [Int] = [0, 951_782_400, 1_709_164_800, 1_796_187_478, 1_798_761_599, 1_798_761_600]
        for day in 0..<400 { stamps.append(1_767_225_600 + day * 86_400 + (day * 3_607) % 86_400) }
        let expected = try ExternalTool.python(
            "import sys, time\nfor s in sys.argv[1:]: print(time.asctime(time.gmtime(int(s))))", stamps.map(String.init))
        let ours = stamps.map { MboxFormat.ctime(Date(timeIntervalSince1970: Double($0))) }
        #expect(ours == expected.split(separator: "\n").map(String.init))
    }

    @Test("NeoMutt in batch reads the three messages written on day 2, with their subjects",
          .enabled(if: MuttReader.hasNeoMutt, "needs neomutt and script"))
    func neoMutt() async throws {
        let (spool, mbox) = try await Self.spoolOfTheSecond()
        defer { spool.remove() }
        #expect(try MuttReader.subjects("neomutt", mbox: mbox) == [
            "[Tickler] 1 notice for Kovács Péter", "[Tickler] 1 notice for Kovács Péter", "[Tickler] 1 notice for Kovács Péter",
        ])
        let text = try MuttReader.decoded("neomutt", mbox: mbox)
        for name in ["Alpha", "Beta", "Gamma"] { #expect(text.contains("Customer: \(name) (C")) }
    }

    @Test("mutt in batch reads the same spool", .enabled(if: MuttReader.hasMutt, "needs mutt and script"))
    func mutt() async throws {
        let (spool, mbox) = try await Self.spoolOfTheSecond()
        defer { spool.remove() }
        #expect(try MuttReader.subjects("mutt", mbox: mbox).count == 3)
    }

    @Test("Python's mailbox module splits the spool into the three messages")
    func python() async throws {
        let (spool, mbox) = try await Self.spoolOfTheSecond()
        defer { spool.remove() }
        #expect(try pythonMessages(readMbox, mbox).map { $0["subject"] } == Array(repeating: "[Tickler] 1 notice for Kovács Péter", count: 3))
    }
}
