import Foundation

/// The built `tickler` executable, run as a user would run it.
package enum TicklerBinary {
    /// The package's root folder (where Package.swift is).
    package static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The executable next to the test bundle, or in the package's debug build folder.
    package static var path: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tickler").path,
            Bundle.main.bundleURL.appendingPathComponent("tickler").path,
            packageRoot + "/.build/debug/tickler",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// What one run printed and how it ended.
    package struct Result: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String

        package var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
        package var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// Runs `tickler ARGUMENTS` in `directory` (default: the package root) with `LC_ALL=C`
    /// (English output; `environment` replaces it, e.g. a manager's `LANG`) and waits for it;
    /// `stdin`, when given, is written to its standard input through a pipe, which is then closed.
    package static func run(
        _ arguments: [String], in directory: String = packageRoot, stdin: String? = nil,
        environment: [String: String] = ["LC_ALL": "C"]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // English, as for logs: the commands otherwise speak the rules' language (issue 17
        // item 8), and these tests read the English texts.
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files, not pipes: a child that fills a pipe nobody reads would block forever.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let input = stdin.map { _ in Pipe() }
        if let input { process.standardInput = input }
        try process.run()
        if let input, let stdin {
            try input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
