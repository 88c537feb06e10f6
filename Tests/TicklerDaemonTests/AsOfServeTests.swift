import Foundation
import TicklerTestSupport
import Testing

@Suite("tickler serve evaluates as of its tick", .serialized)
struct AsOfServeTests {
    @Test("a contact dated in the future is not a follow-up done: the overdue customer is still notified")
    func futureContactIsNotAFollowUp() throws {
        let office = try FixtureOffice(
            "asof", channels: "  mail: { maildir: maildirs, from: \"Tickler <tickler@office.example>\" }")
        defer { office.remove() }
        let contacts = office.folder + "/store/contacts.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: contacts))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"customer": "A001", "rep": "r1", "at": "2099-01-05T10:00:00+08:00", "method": "visit"}"#.utf8 + [10]))
        try handle.close()
        #expect(try TicklerBinary.run(["serve", "--config", office.config, "--once"]).status == 0)
        let dir = office.folder + "/maildirs/liwei/new"
        let mails = try FileManager.default.contentsOfDirectory(atPath: dir).map {
            try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)
        }
        #expect(mails.count == 1)
        #expect(mails.first?.contains("Subject: [Tickler] 2 notices for Li Wei (2 overdue)") == true)
        #expect(mails.first?.contains("Acme Trading") == true)
    }
}
