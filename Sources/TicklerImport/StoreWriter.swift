import Foundation
import TicklerStore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an import into a store folder the way a reader that never stops (`tickler serve`)
/// needs: a `.json` file is replaced whole (temporary file, `fsync`, `rename`, `fsync` of the
/// folder), so a reader sees the old file or the new one; a `.jsonl` file gets whole lines
/// appended in one `write` under an exclusive `flock`, then `fsync`, so a reader sees a
/// complete append or a torn last line it skips until the line is complete.
///
/// Writers of one store (imports, `tickler record`) take `STORE/.tickler-write.lock` for the
/// whole read-check-write, so two of them never interleave. The loader leaves hidden files alone.
package struct StoreWriter: Sendable {
    package var directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// Why a write failed; the store is as it was before (or, for an append, has at most a
    /// torn last line that readers skip).
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    /// Runs `body` holding the store's write lock.
    package func locked<T>(_ body: () throws -> T) throws -> T {
        let path = (directory as NSString).appendingPathComponent(".tickler-write.lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot create the store's write lock: \(errnoText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw Failure(path: path, reason: "cannot lock: \(errnoText())") }
        }
        return try body()
    }

    /// Writes `plan` (call inside ``locked(_:)``).
    package func write(_ plan: ImportPlan) throws {
        let path = (directory as NSString).appendingPathComponent(plan.fileName)
        if let bytes = plan.rewrite { try replace(path, with: bytes) }
        if !plan.appendLines.isEmpty { try append(path, lines: plan.appendLines) }
    }

    /// Replaces the file at `path` with `bytes` atomically, keeping its permissions.
    package func replace(_ path: String, with bytes: [UInt8]) throws {
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let temp = path + ".tmp"
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw Failure(path: temp, reason: "cannot create: \(errnoText())") }
        do {
            defer { close(fd) }
            try writeAll(fd, bytes, path: temp)
            _ = fchmod(fd, mode)
            guard fsync(fd) == 0 else { throw Failure(path: temp, reason: "fsync failed: \(errnoText())") }
        } catch {
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let reason = "rename failed: \(errnoText())"
            unlink(temp)
            throw Failure(path: path, reason: reason)
        }
        RecordFile.syncDirectory(of: path)
    }

    /// Appends `lines` (each gets its `\n`) to the `.jsonl` file at `path` in one write under
    /// `flock`, after a line break if the file ends in a torn line (so the torn line stays one
    /// bad line instead of swallowing the first record).
    package func append(_ path: String, lines: [String]) throws {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot open for appending: \(errnoText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw Failure(path: path, reason: "cannot lock: \(errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        var bytes: [UInt8] = []
        let size = lseek(fd, 0, SEEK_END)
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        }
        for line in lines {
            bytes += Array(line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw Failure(path: path, reason: "fsync failed: \(errnoText())") }
        RecordFile.syncDirectory(of: path)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: "write failed: \(errnoText())")
            }
            offset += n
        }
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
