import Foundation
import Synchronization
import TicklerDelivery

#if canImport(Glibc)
    import Glibc
#endif

/// A real `systemd-journald` for the integration tests: the running one when its socket
/// answers, else one started here (it runs without systemd as PID 1).
///
/// Suites run in parallel, and several of them use the journal (the serve tests, the
/// catalog tests): one started here is shared, counted, and stopped only by the last
/// `stop()`, so that a suite that ends never stops the journald another one is reading.
final class Journald: Sendable {
    static let binary = "/lib/systemd/systemd-journald"
    static let socket = "/run/systemd/journal/socket"

    /// Whether this machine can run the journal tests at all.
    static var canRun: Bool {
        FileManager.default.isExecutableFile(atPath: binary) && geteuid() == 0
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/journalctl")
    }

    /// The journald started here (nil: none, or one that was already running) and how many
    /// live `Journald` values use it.
    private struct Shared {
        var process: Process?
        var users = 0
    }

    private static let shared = Mutex(Shared())
    private let stopped = Mutex(false)

    /// Uses the running journald or starts one; throws when none answers.
    init() throws {
        try Self.shared.withLock { shared in
            if shared.process?.isRunning != true {
                shared.process = nil
                if !Self.answers() {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: Self.binary)
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    shared.process = process
                    for _ in 0..<500 where !Self.answers() { usleep(10_000) }
                    guard Self.answers() else {
                        process.terminate()
                        process.waitUntilExit()
                        shared.process = nil
                        throw TestFailure("systemd-journald did not open \(Self.socket)")
                    }
                }
            }
            shared.users += 1
        }
    }

    /// Gives the journald back; the last user stops the one started here.
    func stop() {
        let first = stopped.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        Self.shared.withLock { shared in
            shared.users -= 1
            guard shared.users == 0, let process = shared.process else { return }
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            shared.process = nil
        }
    }

    /// True when a datagram can be sent to the journal socket.
    static func answers() -> Bool {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un(path: socket)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    /// Entries with `SYSLOG_IDENTIFIER=identifier`, after making sure journald has processed
    /// everything sent before: a marker entry is sent and waited for (datagrams on the
    /// socket are handled in order).
    static func entries(identifier: String) throws -> [[String: Any]] {
        let marker = UUID().uuidString
        var entry = JournalEntry()
        entry.append("MESSAGE", "test marker")
        entry.append("SYSLOG_IDENTIFIER", identifier)
        entry.append("TEST_MARKER", marker)
        // A journald busy on a loaded machine can refuse a datagram for a moment (its queue
        // full): try again for up to 5 s before calling it refused.
        var sent = entry.send()
        for _ in 0..<50 where !sent {
            usleep(100_000)
            sent = entry.send()
        }
        guard sent else { throw TestFailure("the journal refused the marker entry") }
        for _ in 0..<500 {
            let all = try read(identifier: identifier)
            if all.contains(where: { $0["TEST_MARKER"] as? String == marker }) {
                return all.filter { $0["TEST_MARKER"] == nil }
            }
            usleep(10_000)
        }
        throw TestFailure("the marker entry never showed up in journalctl")
    }

    private static func read(identifier: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/journalctl")
        process.arguments = ["-o", "json", "--no-pager", "--all", "SYSLOG_IDENTIFIER=\(identifier)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension sockaddr_un {
    init(path: String) {
        self.init()
        sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }
}
