import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a store collection file is opened: never blocking, and only when it is a regular file.
///
/// A collection is written by others (a CRM export, `tickler record`), so the daemon must not
/// trust what sits at its name. The open is `O_NONBLOCK` (a FIFO in place of `contacts.jsonl`
/// would otherwise block the tick until someone writes to it) and the file is checked on the
/// descriptor: a FIFO, a device (`/dev/zero` behind a symbolic link), a socket or a folder is
/// refused at once with ``NotRegular``. Symbolic links are followed in a store folder that
/// only its owner can write (an admin may link a collection to the CRM's export folder); in a
/// folder its group or others can write, they are refused (`O_NOFOLLOW`), since anyone there
/// could point a collection anywhere.
package enum CollectionFile {
    /// The collection is not a regular file; `kind` says what it is ("a FIFO").
    package struct NotRegular: Error, Sendable, Hashable {
        package var kind: String
    }

    /// Whether symbolic links to collections are followed in `directory`: only when neither
    /// its group nor others may write it.
    package static func followsLinks(in directory: String) -> Bool {
        var info = stat()
        guard stat(directory, &info) == 0 else { return false }
        return info.st_mode & (S_IWGRP | S_IWOTH) == 0
    }

    /// Opens the collection at `path` for reading, in blocking mode once it is known to be a
    /// regular file. Throws ``NotRegular`` or `Errno`.
    static func open(_ path: String, followLinks: Bool) throws -> FileDescriptor {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW)
        let fd = Glibc.open(path, flags)
        guard fd >= 0 else {
            if errno == ELOOP { throw NotRegular(kind: "a symbolic link in a folder others can write") }
            throw Errno(rawValue: errno)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw Errno(rawValue: code)
        }
        if let kind = kind(info.st_mode) {
            close(fd)
            throw NotRegular(kind: kind)
        }
        let status = fcntl(fd, F_GETFL)
        if status >= 0 { _ = fcntl(fd, F_SETFL, status & ~O_NONBLOCK) }
        return FileDescriptor(rawValue: fd)
    }

    /// What a file of `mode` is when it is not a regular file, or `nil`.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "not a regular file"
        }
    }
}
