import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite("Reading user-edited text files: size checked first, bad bytes located")
struct TextFileTests {
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = NSTemporaryDirectory() + "tickler-text-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a 1 GiB rules file is refused at 1:1 without being read")
    func hugeRulesFile() throws {
        let path = try Self.temporary("rules.yaml", Array("version: 1\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)  // sparse: no disk, and reading it would take 1 GiB
        try handle.close()
        #expect(throws: TextFile.Failure.tooLarge(limit: 1 << 20)) { try TextFile.read(path, maxBytes: 1 << 20) }
        do {
            _ = try RulesFile.load(path)
            Issue.record("a 1 GiB rules file was accepted")
        } catch {
            #expect(error.description.hasPrefix("\(path):1:1: the file is larger than 1024 KiB"), "\(error)")
        }
    }

    @Test("a rules file that is not UTF-8 is refused at the first bad byte", arguments: [
        (Array("version: 1\ntimezone: UTC\nlocale: ".utf8) + [0xC3, 0x28], 3, 9),
        (Array("# Gy".utf8) + [0xF5] + Array("r\n".utf8), 1, 5),
        (Array("a: \u{00E9}\u{00E9}".utf8) + [0xED, 0xA0, 0x80], 1, 6),  // an encoded surrogate
    ])
    func notUTF8(bytes: [UInt8], line: Int, column: Int) throws {
        let path = try Self.temporary("rules.yaml", bytes)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(throws: TextFile.Failure.notUTF8(line: line, column: column)) { try TextFile.read(path, maxBytes: 1 << 20) }
        do {
            _ = try RulesFile.load(path)
            Issue.record("a non-UTF-8 rules file was accepted")
        } catch {
            #expect(error.description.hasPrefix("\(path):\(line):\(column): the file is not UTF-8 text"), "\(error)")
        }
    }

    @Test("a missing file is unreadable (exit 2), not invalid")
    func missing() {
        #expect(throws: TextFile.Failure.unreadable(reason: "no such file or directory")) {
            try TextFile.read("/nonexistent/rules.yaml", maxBytes: 1 << 20)
        }
    }
}
