import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A mailbox dotlock (`NAME.lock`) taken the NFS-safe way liblockfile does: write a unique
/// temporary file, `link(2)` it to the lock name, and trust the link count. A lock older
/// than ``staleAfter`` is taken to belong to a crashed program and removed, and so is, at
/// once, a lock holding the process id of a process that no longer exists (what liblockfile
/// checks with `dotlockfile -p`; a killed daemon leaves its lock behind, and waiting 5
/// minutes would hold back every message to that mailbox). A lock holding `0` or no
/// number (dotlockfile without `-p`, other programs) is only ever stale by age.
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
            if stat(path, &lock) == 0,
                Date().timeIntervalSince1970 - Double(lock.st_mtim.tv_sec) > staleAfter || ownerIsGone()
            {
                unlink(path)
                continue
            }
            guard ContinuousClock.now < deadline else { return .busy }
            try? await Task.sleep(for: poll)
        }
    }

    func release() { unlink(path) }

    /// Whether the lock names (as its first line) the id of a process that does not exist.
    private func ownerIsGone() -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = read(fd, &bytes, bytes.count)
        guard n > 0 else { return false }
        let text = String(decoding: bytes[0..<n], as: UTF8.self).split(separator: "\n").first ?? ""
        guard let pid = Int32(text.trimmingCharacters(in: .whitespaces)), pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
