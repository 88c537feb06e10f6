package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How every file in the state directory is opened, so that the folder cannot be turned
/// against the admin who runs a command in it.
///
/// The state directory belongs to the daemon's user; anyone who can write into it could plant
/// a symbolic link (`ledger.jsonl -> /etc/shadow`), a hard link to another file, or a FIFO
/// that blocks whoever opens it. A state file is therefore opened with `O_NOFOLLOW` and
/// `O_NONBLOCK`, then checked on the open descriptor: it must be a regular file with exactly
/// one link, or it is refused before one byte is read or written. A file created while
/// running as root is given to the owner of the state directory with `fchown` on the
/// descriptor (never `chown` on a path, which a link swapped in between would redirect).
package enum StatePath {
    /// Opens the state file at `path` with `flags` (`O_CREAT` creates it with mode 0600), adding
    /// `O_NOFOLLOW | O_CLOEXEC`. Returns the descriptor, in blocking mode.
    ///
    /// Throws ``StateFileError`` when it cannot be opened, or when it is a symbolic link, not
    /// a regular file, or has more than one link.
    package static func open(_ path: String, _ flags: Int32) throws(StateFileError) -> Int32 {
        let fd = Glibc.open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw StateFileError(.open, path: path, code: code, detail: refusal("a symbolic link")) }
            throw StateFileError(.open, path: path, code: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw StateFileError(.open, path: path, code: code)
        }
        if let problem = problem(info) {
            close(fd)
            throw StateFileError(.open, path: path, code: EPERM, detail: refusal(problem))
        }
        let status = fcntl(fd, F_GETFL)
        if status >= 0 { _ = fcntl(fd, F_SETFL, status & ~O_NONBLOCK) }
        if flags & O_CREAT != 0 { giveToDirectoryOwner(fd, path: path) }
        return fd
    }

    /// Why a file with `info` is not a state file, or `nil` when it is one.
    static func problem(_ info: stat) -> String? {
        if info.st_mode & S_IFMT != S_IFREG { return "not a regular file (a FIFO, a device or a folder)" }
        if info.st_nlink > 1 { return "a file with \(info.st_nlink) hard links (a state file has one)" }
        return nil
    }

    private static func refusal(_ what: String) -> String {
        "refused: the state file is \(what), which the daemon never creates; remove it and find out who put it "
            + "there (only the daemon's user may write in the state folder)"
    }

    /// Run as root, gives the open file to the owner of its directory (the daemon's user),
    /// so a command an admin runs never leaves a file the daemon cannot write.
    static func giveToDirectoryOwner(_ fd: Int32, path: String) {
        guard geteuid() == 0 else { return }
        var directory = stat()
        let folder = (path as NSString).deletingLastPathComponent
        guard lstat(folder.isEmpty ? "." : folder, &directory) == 0, directory.st_uid != 0 else { return }
        var file = stat()
        guard fstat(fd, &file) == 0, file.st_uid != directory.st_uid || file.st_gid != directory.st_gid else { return }
        _ = fchown(fd, directory.st_uid, directory.st_gid)
    }

    /// Reads the whole state file at `path`, or `nil` when it does not exist. Opened like
    /// ``open(_:_:)``, so a planted link or FIFO is refused, never followed.
    ///
    /// Throws ``StateFileError``.
    package static func contents(_ path: String) throws(StateFileError) -> Data? {
        let fd: Int32
        do throws(StateFileError) {
            fd = try open(path, O_RDONLY)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        defer { close(fd) }
        return try readAll(fd, path: path)
    }

    /// Everything from the open state file `fd`'s position to its end (`path` names it in errors).
    ///
    /// Throws ``StateFileError``.
    static func readAll(_ fd: Int32, path: String) throws(StateFileError) -> Data {
        var content = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StateFileError(.read, path: path)
            }
            if n == 0 { return content }
            content.append(contentsOf: buffer[0..<n])
        }
    }
}
