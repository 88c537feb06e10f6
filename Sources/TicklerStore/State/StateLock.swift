import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The lock that makes one `tickler serve` per state directory (SPEC section 5).
///
/// `serve.lock` in the state directory holds an exclusive `flock` for the life of the
/// process that took it, and that process's pid as text. A second `serve` on the same state
/// fails at once with ``Busy`` naming the first one's pid, instead of delivering every
/// notice a second time. The lock goes with the process (also on a crash or `SIGKILL`): the
/// kernel releases an `flock` when the descriptor closes, so a stale file never blocks.
package final class StateLock: Sendable {
    /// Another process holds the lock.
    package struct Busy: Error, Sendable, CustomStringConvertible {
        /// The state directory.
        package var directory: String
        /// The holder's pid, as it wrote it (`nil` when it could not be read).
        package var pid: Int32?

        package var description: String {
            let holder = pid.map { "another tickler serve (pid \($0))" } ?? "another tickler serve"
            return "\(directory): the state folder is in use by \(holder); one serve per state folder. "
                + "Stop it first (systemctl stop tickler), or give this one another state: folder"
        }
    }

    /// The lock file's name in the state directory.
    package static let fileName = "serve.lock"

    private let fd: Int32

    /// Takes the lock on `directory` (created, mode 0700, when missing), trying again for
    /// up to `patience` seconds (a `tickler outbox` edit holds it for a moment).
    ///
    /// Throws ``Busy`` when another process holds it, ``StateFileError`` when the lock file
    /// cannot be used (a symbolic link or FIFO planted in its place is refused).
    package init(directory: String, patience: Double = 0) throws {
        try RecordFile.makeDirectory(directory)
        let path = directory + "/" + Self.fileName
        let fd = try StatePath.open(path, O_RDWR | O_CREAT)
        var tries = Int(patience * 20)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            if code == EWOULDBLOCK && tries > 0 {
                tries -= 1
                usleep(50_000)
                continue
            }
            let holder = Self.pid(in: fd)
            close(fd)
            if code == EWOULDBLOCK { throw Busy(directory: directory, pid: holder) }
            throw StateFileError(.open, path: path, code: code)
        }
        let text = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) != 0 || pwrite(fd, text, text.count, 0) != text.count {
            let code = errno
            close(fd)
            throw StateFileError(.write, path: path, code: code)
        }
        self.fd = fd
    }

    deinit { close(fd) }

    private static func pid(in fd: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &bytes, bytes.count, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: bytes[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
