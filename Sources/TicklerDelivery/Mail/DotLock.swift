import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A mailbox dotlock (`NAME.lock`) taken the NFS-safe way liblockfile does: write a unique
/// temporary file, `link(2)` it to the lock name, and trust the link count. A lock older
/// than ``staleAfter`` is taken to belong to a crashed program and removed.
struct DotLock: Sendable {
    enum Result: Sendable {
        case acquired
        case busy
        case failed(String)
    }

    let path: String
    let directory: String
    let staleAfter: TimeInterval

    func acquire(until deadline: ContinuousClock.Instant, poll: Duration) async -> Result {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostname = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        let temp = directory + "/.tickler-lock.\(hostname).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        while true {
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                return .failed(
                    "cannot create a lock file in \(directory): \(MboxSpool.errorText()) "
                        + "(the daemon needs write access to the spool, e.g. SupplementaryGroups=mail)")
            }
            _ = MboxSpool.writeAll(fd, Array("\(getpid())\n".utf8))
            close(fd)
            let linked = link(temp, path) == 0
            let linkError = errno
            var info = stat()
            let count = stat(temp, &info) == 0 ? info.st_nlink : 0
            unlink(temp)
            if linked || count == 2 { return .acquired }
            guard linkError == EEXIST else {
                return .failed("cannot create the dotlock \(path): \(String(cString: strerror(linkError)))")
            }
            var lock = stat()
            if stat(path, &lock) == 0, Date().timeIntervalSince1970 - Double(lock.st_mtim.tv_sec) > staleAfter {
                unlink(path)
                continue
            }
            guard ContinuousClock.now < deadline else { return .busy }
            try? await Task.sleep(for: poll)
        }
    }

    func release() { unlink(path) }
}
