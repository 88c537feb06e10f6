import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite("State files are private to the daemon's user")
struct StateFileModeTests {
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test("the state folder is 0700 and every state file 0600, also after an atomic rewrite")
    func modes() async throws {
        let parent = NSTemporaryDirectory() + "tickler-state-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dir = parent + "/state"
        let t0 = Date(timeIntervalSince1970: 1_795_482_000)
        let lastTick = try LastTick(directory: dir)
        try await lastTick.record(t0)
        try await lastTick.record(t0 + 300)  // replaced through a temporary file and a rename
        let log = try NotificationLog(directory: dir)
        try await log.record(["k"], on: "journal", at: t0)
        try await log.compact(now: t0)
        let ledger = try LedgerStore(directory: dir)
        #expect(Self.mode(dir) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(Set(files).isSuperset(of: ["last-tick", "ledger.jsonl"]), "\(files)")
        #expect(files.contains { dir + "/" + $0 == log.path })
        for name in files {
            #expect(Self.mode(dir + "/" + name) == 0o600, "\(name)")
        }
        #expect(ledger.path == dir + "/ledger.jsonl")
    }
}
