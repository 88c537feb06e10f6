import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// A notice's `MESSAGE` in the real journal is one line whatever the store holds (a customer
/// named `Acme\n[overdue/...]` made `journalctl` show a forged line), while the structured
/// `TICKLER_*` fields keep their values exactly. Nested in ``ServeIntegrationTests`` (which
/// is serialized) so that it never runs beside the tests that use or stop the same journald.
extension ServeIntegrationTests {
    @Suite("journal MESSAGE under a real journald")
    struct JournalMessageLineTests {
        /// A field of a `journalctl -o json` entry as text: a string, or the byte array
        /// journalctl writes for a value with unprintable characters.
        static func text(_ value: Any?) -> String? {
            if let string = value as? String { return string }
            guard let bytes = value as? [Int] else { return nil }
            return String(decoding: bytes.map(UInt8.init), as: UTF8.self)
        }

        @Test("a line break in a notice's message is a space in MESSAGE; TICKLER_* fields are exact")
        func oneLineMessage() throws {
            let journald = try Journald()
            defer { journald.stop() }
            let identifier = "tickler-test-\(UUID().uuidString.prefix(8))"
            let channel = JournalChannel(identifier: identifier, mirrorToStderr: false)
            let breaks = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
            var sent: [String: Notice] = [:]
            for (index, separator) in breaks.enumerated() {
                var notice = JournalCatalogTests.notice(.overdue)
                notice.key = "overdue/A001/2026-11-20/\(index)"
                notice.message = "Acme" + separator + "[overdue/FORGED/2026-11-20/2] follow-up" + separator + "x"
                notice.source = "contacts.jsonl:\(index + 1)"
                #expect(channel.send(channel.entry(for: notice)))
                sent[notice.key] = notice
            }
            let summary = [JournalCatalogTests.notice(.dueSoon)]
            #expect(channel.send(channel.summaryEntry(recipient: "m1\nforged", notices: summary)))

            let entries = try Journald.entries(identifier: identifier)
            for (key, notice) in sent {
                let entry = try #require(entries.first { Self.text($0["TICKLER_KEY"]) == key }, "\(key)")
                let message = try #require(entry["MESSAGE"] as? String, "MESSAGE as text, not bytes: \(entry["MESSAGE"] ?? "none")")
                #expect(!message.unicodeScalars.contains(where: TextLine.breaksLine), "\(key): \(message.debugDescription)")
                #expect(message == TextLine.flattened(notice.message))
                #expect(Self.text(entry["TICKLER_CUSTOMER"]) == notice.customer)
                #expect(Self.text(entry["TICKLER_TO"]) == notice.to.joined(separator: ","))
                #expect(Self.text(entry["TICKLER_SOURCE"]) == notice.source)
                #expect(Self.text(entry["TICKLER_LEVEL"]) == notice.level.map(String.init))
            }
            let backlog = try #require(entries.first { Self.text($0["TICKLER_KIND"]) == "summary" })
            #expect((backlog["MESSAGE"] as? String)?.contains("m1 forged") == true, "\(backlog["MESSAGE"] ?? "none")")
            #expect(Self.text(backlog["TICKLER_RECIPIENT"]) == "m1\nforged")
        }
    }
}
