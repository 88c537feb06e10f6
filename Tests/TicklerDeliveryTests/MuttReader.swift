import Foundation

/// Reads an mbox with the real NeoMutt or mutt in batch: the program runs under
/// `script(1)` (it needs a terminal), tags every message, pipes them decoded
/// (`pipe_decode`: headers RFC 2047-decoded, bodies in UTF-8) into a file and exits.
/// A mailbox the program does not take for an mbox, or finds empty, leaves it waiting at
/// its index; `timeout` ends it and the file is then empty.
enum MuttReader {
    static var hasNeoMutt: Bool { ExternalTool.exists("neomutt") && ExternalTool.exists("script") }
    static var hasMutt: Bool { ExternalTool.exists("mutt") && ExternalTool.exists("script") }

    /// The decoded messages of `mbox` as `program` shows them, one after the other.
    static func decoded(_ program: String, mbox: String) throws -> String {
        let home = try TempFolder()
        defer { home.remove() }
        let out = home.path + "/piped"
        // Without ~/Mail, (neo)mutt asks whether to create it, and that question eats the keys.
        try FileManager.default.createDirectory(atPath: home.path + "/Mail", withIntermediateDirectories: true)
        let settings = "set charset=utf-8 pipe_split=no pipe_decode=yes wait_key=no"
        let keys = "<tag-pattern>~A<enter><tag-prefix><pipe-message>cat >> \(out)<enter><exit>"
        let command = "\(program) -n -F /dev/null -f \(mbox) -e '\(settings)' -e 'push \"\(keys)\"'"
        // script(1) passes an end of its standard input on to the program as an end of the
        // terminal, which can cut the pushed keys short: its input stays open until the end.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["30", "script", "-qec", command, "/dev/null"]
        process.environment = ["TERM": "xterm", "LC_ALL": "C.UTF-8", "HOME": home.path, "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        guard process.terminationStatus == 0 || process.terminationStatus == 124 else {
            throw ExternalTool.ToolError(message: "\(program) failed (\(process.terminationStatus))")
        }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    /// The `Subject:` of each message `program` reads in `mbox`, in order.
    static func subjects(_ program: String, mbox: String) throws -> [String] {
        try decoded(program, mbox: mbox).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst("Subject: ".count)) }
    }
}
