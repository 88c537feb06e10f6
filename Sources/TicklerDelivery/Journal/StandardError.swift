import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the process's stderr goes, and writing readable lines to it.
package enum StandardError {
    /// True when stderr is connected to the journal, as systemd sets up with
    /// `StandardError=journal`: `JOURNAL_STREAM` (`DEVICE:INODE`) matches `fstat(2)`.
    /// The variable alone is not enough: it is inherited by children whose stderr was
    /// redirected elsewhere.
    package static func isJournal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"] else { return false }
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// Writes one line (a newline is added) to stderr in a single `write`.
    package static func writeLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(2, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}
