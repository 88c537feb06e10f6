import Foundation
import Testing
import TicklerStore

#if canImport(Glibc)
    import Glibc
#endif

/// The outbox's body files (`outbox.d/`) are state files like the others (docs/daemon.md):
/// a link planted for the folder or for a body is refused, never written through or read.
@Suite("Outbox bodies: a planted link is refused")
struct OutboxBodiesSafetyTests {
    @Test("an outbox.d that is a symbolic link to another folder is refused; nothing is written or read there")
    func plantedFolderLink() throws {
        let planted = try StateFolderSafetyTests.Planted()
        defer { planted.remove() }
        let elsewhere = planted.parent + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "secret\n".write(toFile: elsewhere + "/m1", atomically: false, encoding: .utf8)
        #expect(symlink(elsewhere, planted.state + "/outbox.d") == 0)
        let bodies = OutboxBodies(stateDirectory: planted.state)

        #expect(bodies.read("m1") == nil, "a body was read through the planted folder link")
        var refusal = "accepted"
        do { try bodies.write("m2", Array("body".utf8)) } catch { refusal = "\(error)" }
        #expect(refusal.contains("not a folder"), "\(refusal)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/m2"))
    }

    @Test("a body file that is a symbolic link is not read; a real body is")
    func plantedBodyLink() throws {
        let planted = try StateFolderSafetyTests.Planted()
        defer { planted.remove() }
        let bodies = OutboxBodies(stateDirectory: planted.state)
        try bodies.write("real", Array("hello".utf8))
        #expect(bodies.read("real") == Array("hello".utf8))
        try "precious\n".write(toFile: planted.victim, atomically: false, encoding: .utf8)
        #expect(symlink(planted.victim, bodies.folder + "/linked") == 0)
        #expect(bodies.read("linked") == nil)
        #expect(planted.victimIntact())
    }
}
