import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore
import TicklerTestSupport
import Testing

/// A tick that crashed after queueing its digests and before recording their notices, while
/// the store changed before the restart: the next tick must not queue those notices again
/// inside a digest with another id (scripts/campaigns/crash.py looks for the same thing with
/// real `kill -9`s; here the crash is reproduced exactly by removing the notification log).
@Suite("Recovery of digests queued by a crashed tick", .serialized)
struct QueuedDigestRecoveryTests {
    @Test("notices of a digest still in the outbox are not queued again in another digest")
    func noNoticeInTwoDigests() throws {
        let office = try FixtureOffice(
            "recovery", channels: #"  mail: { maildir: maildirs, from: "Tickler <tickler@office.example>" }"#)
        defer { office.remove() }
        let (folder, config) = (office.folder, office.config)
        // The Maildir folder is a file: the first delivery fails and the digests wait.
        try "not a folder".write(toFile: folder + "/maildirs", atomically: true, encoding: .utf8)
        #expect(try TicklerBinary.run(["serve", "--config", config, "--once"]).status == 0)
        let waiting = try TicklerBinary.run(["outbox", "--config", config, "--format", "json"]).stdoutLines
        #expect(waiting.count == 2, "one digest for the rep, one for the manager")

        // The crash: the notices were never recorded. Then the store gains a customer.
        try FileManager.default.removeItem(atPath: folder + "/state/notifications.log")
        let customers = folder + "/store/customers.json"
        var text = try String(contentsOfFile: customers, encoding: .utf8)
        let last = try #require(text.range(of: "]", options: .backwards))
        text.replaceSubrange(
            last,
            with: #", { "id": "C003", "name": "Cedar Ltd", "rep": "r1", "class": "A", "registered_at": "2020-01-06T09:00:00+08:00" } ]"#)
        try text.write(toFile: customers, atomically: true, encoding: .utf8)

        try FileManager.default.removeItem(atPath: folder + "/maildirs")
        for line in waiting {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            _ = try TicklerBinary.run(["outbox", "retry", try #require(object["id"] as? String), "--config", config])
        }
        #expect(try TicklerBinary.run(["serve", "--config", config, "--once"]).status == 0)

        let notices = try office.noticesNow()
        for (recipient, mailbox) in [("r1", "liwei"), ("m1", "zhangmin")] {
            let expected = notices.filter { ($0.to.isEmpty ? [$0.rep] : $0.to).contains(recipient) }.count
            #expect(expected >= 1)
            let dir = folder + "/maildirs/\(mailbox)/new"
            let mails = try FileManager.default.contentsOfDirectory(atPath: dir).map {
                try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)
            }
            let mailed = mails.flatMap { $0.split(separator: "\n") }
                .filter { $0.hasPrefix("X-Tickler-Notices: ") }
                .compactMap { Int($0.dropFirst("X-Tickler-Notices: ".count).trimmingCharacters(in: .whitespacesAndNewlines)) }
                .reduce(0, +)
            #expect(mailed == expected, "\(recipient): \(mails.count) mails with \(mailed) notices, \(expected) expected")
        }
    }
}
