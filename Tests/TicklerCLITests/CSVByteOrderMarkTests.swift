import Foundation
import Testing
import TicklerTestSupport

/// Issue 17 item 11: CSV written by `report`, `ledger` and `pool` is for a spreadsheet, so it
/// starts with a UTF-8 byte order mark (Excel then shows "Lucía" and 王芳); `--no-bom` is for
/// scripts.
@Suite("CSV byte order mark")
struct CSVByteOrderMarkTests {
    static let example = ["--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-24T10:00"]

    @Test(
        "CSV from report, ledger and pool starts with a UTF-8 BOM; --no-bom leaves it out",
        arguments: [
            ["report", "--name", "weekly-progress", "--format", "csv"], ["ledger", "--period", "2026-11", "--format", "csv"],
            ["pool", "--all"],
        ])
    func byteOrderMark(command: [String]) throws {
        let arguments = [command[0]] + Self.example + command.dropFirst()
        let withBOM = try RawRun.tickler(arguments, environment: ["LC_ALL": "C"])
        #expect(withBOM.status == 0)
        #expect(Array(withBOM.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plain = try RawRun.tickler(arguments + ["--no-bom"], environment: ["LC_ALL": "C"])
        #expect(plain.status == 0 && plain.stdout.first != 0xEF)
        #expect(Array(withBOM.stdout.dropFirst(3)) == plain.stdout, "the same CSV after the mark")
        #expect(String(decoding: plain.stdout, as: UTF8.self).contains("\r\n"))
    }

    @Test("text for people has no mark")
    func textHasNone() throws {
        let text = try RawRun.tickler(["ledger"] + Self.example + ["--period", "2026-11"], environment: ["LC_ALL": "C"])
        #expect(text.status == 0 && text.stdout.first != 0xEF)
    }
}

/// Runs the built `tickler` keeping standard output's bytes as they are.
enum RawRun {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// `tickler ARGUMENTS` in the package root, with `environment` added to this process's.
    static func tickler(_ arguments: [String], environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TicklerBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TicklerBinary.packageRoot)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: Array(try Data(contentsOf: out)))
    }
}
