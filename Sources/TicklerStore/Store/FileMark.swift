#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies one version of a file cheaply: its inode, size and modification time.
///
/// Two equal marks mean the file was not touched; the same inode with a larger size is
/// what an append looks like (confirmed by ``StoreFollower`` with the bytes before the old
/// end); anything else is a rewrite, a rotation or a replacement by rename.
package struct FileMark: Sendable, Hashable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modifiedNanoseconds: Int64

    /// The mark of the file at `path`, or `nil` when it cannot be stat'ed.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// Whether `self` can be the same file as `earlier` with bytes appended.
    package func mayHaveAppended(to earlier: FileMark) -> Bool {
        device == earlier.device && inode == earlier.inode && size >= earlier.size
    }
}

/// Reads up to `count` bytes of the file at `path` ending at byte `end` (fewer near the
/// start); `nil` when the file cannot be read there.
package func fileBytes(_ path: String, endingAt end: Int64, count: Int) -> [UInt8]? {
    let start = max(0, end - Int64(count))
    let length = Int(end - start)
    if length == 0 { return [] }
    // Non-blocking, and regular files only: a FIFO swapped in must not hang the tick here.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: length)
    let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(start)) }
    return n == length ? bytes : nil
}
