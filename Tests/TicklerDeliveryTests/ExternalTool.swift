import Foundation

/// Runs real programs the delivery tests read mail with (python3, s-nail, dotlockfile).
enum ExternalTool {
    static func exists(_ name: String) -> Bool {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + name) }
    }

    static var hasPython: Bool { exists("python3") }
    static var hasSNail: Bool { exists("s-nail") }
    static var hasDotlockfile: Bool { exists("dotlockfile") }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `program` with `arguments`, `input` on stdin, and waits.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let environment { process.environment = environment }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inURL = folder.appendingPathComponent("in")
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        try Data(input.utf8).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Runs a Python script with arguments; returns stdout (throws on a non-zero exit).
    static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = try run("python3", ["-c", script] + arguments)
        guard result.status == 0 else { throw ToolError(message: "python3 failed: \(result.stderr)") }
        return result.stdout
    }

    struct ToolError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A temporary folder removed at the end of a test.
struct TempFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "tickler-delivery-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
