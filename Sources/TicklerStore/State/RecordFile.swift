package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A durable append-only file of newline-terminated records in the state directory.
///
/// Appends are one `write` followed by `fsync`. Opening recovers from a crash in the middle
/// of an append: a last record without its newline (a torn tail) is cut off, so the next
/// append starts on a clean line. Replacing the whole content (compaction) goes through a
/// temporary file, `fsync`, `rename` and an `fsync` of the directory, so a crash leaves
/// either the old or the new file, never a mix. Files are created with mode 0600, opened
/// through ``StatePath`` (no symbolic links, FIFOs or hard-linked files) and appended to
/// with `O_APPEND`, so every append lands at the end whoever else has the file open.
package final class RecordFile {
    /// The file's path.
    package let path: String
    private var fd: Int32

    /// The complete records found when the file was opened.
    package private(set) var records: [Data]
    /// Bytes of a torn last record that opening cut off (0 after a clean shutdown).
    package let tornBytes: Int

    /// Opens (creating if needed) the file and reads its complete records.
    ///
    /// Throws ``StateFileError`` when the file cannot be opened, read or repaired.
    package init(_ path: String) throws(StateFileError) {
        let fd = try StatePath.open(path, O_RDWR | O_CREAT | O_APPEND)
        _ = fchmod(fd, 0o600)
        let content: Data
        do {
            content = try StatePath.readAll(fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        let complete = content.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? content.startIndex
        let torn = content.endIndex - complete
        if torn > 0 {
            guard ftruncate(fd, off_t(complete)) == 0, fsync(fd) == 0 else {
                close(fd)
                throw StateFileError(.write, path: path)
            }
        }
        guard lseek(fd, 0, SEEK_END) >= 0 else {
            close(fd)
            throw StateFileError(.read, path: path)
        }
        self.path = path
        self.fd = fd
        self.records = content[..<complete].split(separator: UInt8(ascii: "\n")).map { Data($0) }
        self.tornBytes = torn
    }

    /// Forgets the records read at open, once the owner has indexed them.
    package func dropLoadedRecords() { records = [] }

    deinit { close(fd) }

    /// Appends records (each gets its newline) in one write, then `fsync`s.
    ///
    /// Throws ``StateFileError`` when the write or the sync fails; a partial write is left as
    /// a torn tail that the next open cuts off.
    package func append(_ records: [Data]) throws(StateFileError) {
        guard !records.isEmpty else { return }
        var bytes = Data()
        for record in records {
            bytes.append(record)
            bytes.append(UInt8(ascii: "\n"))
        }
        try Self.writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw StateFileError(.sync, path: path) }
    }

    /// Atomically replaces the whole file with `records`: temp file, `fsync`, `rename`,
    /// `fsync` of the directory; then continues appending to the new file.
    ///
    /// Throws ``StateFileError``; on failure the old file is still in place and in use.
    package func replace(with records: [Data]) throws(StateFileError) {
        let temp = path + ".tmp"
        // A leftover (or planted) temp file goes; the new one must be ours alone.
        unlink(temp)
        let tfd = try StatePath.open(temp, O_RDWR | O_CREAT | O_EXCL | O_APPEND)
        var bytes = Data()
        for record in records {
            bytes.append(record)
            bytes.append(UInt8(ascii: "\n"))
        }
        do throws(StateFileError) {
            try Self.writeAll(tfd, bytes, path: temp)
            guard fsync(tfd) == 0 else { throw StateFileError(.sync, path: temp) }
            guard rename(temp, path) == 0 else { throw StateFileError(.rename, path: path) }
        } catch {
            close(tfd)
            unlink(temp)
            throw error
        }
        Self.syncDirectory(of: path)
        guard lseek(tfd, 0, SEEK_END) >= 0 else {
            close(tfd)
            throw StateFileError(.read, path: path)
        }
        close(fd)
        fd = tfd
    }

    private static func writeAll(_ fd: Int32, _ bytes: Data, path: String) throws(StateFileError) {
        var offset = 0
        let failed: Bool = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += n
            }
            return false
        }
        if failed { throw StateFileError(.write, path: path) }
    }

    /// `fsync`s the directory holding `path`, so a rename or a new file survives a crash.
    package static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let dfd = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { return }
        _ = fsync(dfd)
        close(dfd)
    }

    /// Creates the state directory (mode 0700) and its parents where missing.
    ///
    /// Throws ``StateFileError`` when it cannot be created.
    package static func makeDirectory(_ path: String) throws(StateFileError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StateFileError(.open, path: path)
        }
    }
}

/// A state file could not be used; `errno` tells why.
package struct StateFileError: Error, Sendable, CustomStringConvertible {
    /// What was being done.
    package enum Operation: String, Sendable {
        case open, read, write, sync, rename
    }

    package var operation: Operation
    package var path: String
    package var code: Int32
    /// The whole sentence, when the file was refused rather than failed (a symbolic link, not
    /// a regular file, hard-linked) or the command cannot act as the state's owner.
    package var detail: String?

    package init(_ operation: Operation, path: String, code: Int32 = errno, detail: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    package var description: String {
        if let detail { return "\(path): \(detail)" }
        return "\(path): cannot \(operation.rawValue) the state file: \(String(cString: strerror(code))); "
            + "check that the state directory exists and belongs to the daemon's user"
    }
}
