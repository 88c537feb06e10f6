package import Foundation
import TicklerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Appends messages to the recipient's mbox in a mail spool (Debian: `/var/mail`), with the
/// locking convention procmail, Postfix and Dovecot share: an `fcntl` write lock on the
/// mailbox first, then the dotlock `NAME.lock` created with `link(2)` (stale after 5
/// minutes). The message is mboxrd-quoted, written in one `write`, `fsync`ed, and on any
/// error the mailbox is truncated back to its old size, so a reader never sees half a
/// message. The mailbox is opened without following a symbolic link and refused when it is not
/// a regular file or has more than one hard link.
///
/// A retried attempt (``OutboundMessage/attempt`` > 1) first looks for the message's
/// `Message-ID` in the tail of the mailbox: if a crash came after the append but before the
/// outbox recorded it, the message is not appended twice.
package struct MboxSpool: DeliveryTransport {
    /// The spool folder.
    package var directory: String
    /// The envelope sender on the `From ` line.
    package var sender: String
    /// How long to wait for another program's lock before answering `retry`.
    package var lockTimeout: Duration
    /// How often to try the locks again while waiting.
    package var pollInterval: Duration
    /// A dotlock older than this is stale and removed (5 minutes, as procmail and liblockfile).
    package var staleAfter: TimeInterval
    /// How many bytes at the end of the mailbox a retry searches for its `Message-ID`.
    package var tailBytes: Int
    /// The time of the `From ` line of a message appended now (the wall clock; tests fix it).
    package var now: @Sendable () -> Date

    package init(
        directory: String = "/var/mail", sender: String = "tickler", lockTimeout: Duration = .seconds(20),
        pollInterval: Duration = .milliseconds(50), staleAfter: TimeInterval = 300, tailBytes: Int = 8 << 20,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.now = now
        self.directory = directory
        self.sender = sender
        self.lockTimeout = lockTimeout
        self.pollInterval = pollInterval
        self.staleAfter = staleAfter
        self.tailBytes = tailBytes
    }

    package func deliver(_ message: OutboundMessage) async -> DeliveryOutcome {
        guard let name = MailboxName(message.target) else {
            return .deadLetter(reason: Self.refusal(message.target))
        }
        let path = directory + "/" + name.value
        let deadline = ContinuousClock.now.advanced(by: lockTimeout)
        // fcntl locks belong to the process: two deliveries of ours to one mailbox would both
        // "hold" it, and the first close would drop the other's. Take turns inside the process.
        guard await MailboxTurns.shared.take(path, until: deadline, poll: pollInterval) else {
            return .retry(after: nil, reason: "another delivery to \(path) did not finish in time")
        }
        let outcome = await deliverInTurn(message, path: path, deadline: deadline)
        await MailboxTurns.shared.give(path)
        return outcome
    }

    private func deliverInTurn(_ message: OutboundMessage, path: String, deadline: ContinuousClock.Instant) async -> DeliveryOutcome {
        // A new mailbox is 0660 whatever the umask, as Debian's MDAs leave it (group mail).
        var fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o660)
        if fd >= 0 {
            _ = fchmod(fd, 0o660)
        } else if errno == EEXIST {
            fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else {
            if errno == ELOOP {
                return .deadLetter(reason: "\(path) is a symbolic link; the spool's mailboxes must be plain files")
            }
            return .retry(after: nil, reason: "cannot open the mailbox \(path): \(Self.errorText())")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .deadLetter(reason: "\(path) is not a regular file; the mailbox must be a plain mbox file")
        }
        // A hard link planted in the spool would make us append to a file elsewhere (another
        // user's mailbox, a file in /etc) that merely shares the name's inode.
        guard info.st_nlink == 1 else {
            return .deadLetter(
                reason: "\(path) has \(info.st_nlink) hard links; a mailbox must be a plain file with one link, "
                    + "so nothing is appended to a file elsewhere: remove the link and find out who made it")
        }
        guard await lockRegion(fd, until: deadline) else {
            return .retry(after: nil, reason: "the mailbox \(path) stayed locked (fcntl) by another program")
        }
        let dotlock = DotLock(path: path + ".lock", directory: directory, staleAfter: staleAfter)
        switch await dotlock.acquire(until: deadline, poll: pollInterval) {
        case .acquired: break
        case .busy: return .retry(after: nil, reason: "the mailbox \(path) stayed locked (\(dotlock.path)) by another program")
        case .failed(let reason): return .retry(after: nil, reason: reason)
        }
        defer { dotlock.release() }
        return append(message, fd: fd, path: path)
    }

    private func append(_ message: OutboundMessage, fd: Int32, path: String) -> DeliveryOutcome {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .retry(after: nil, reason: "cannot stat \(path): \(Self.errorText())") }
        let oldSize = off_t(info.st_size)
        let tail = readTail(fd, size: oldSize, count: message.attempt > 1 ? tailBytes : 2)
        if message.attempt > 1, let id = MboxFormat.header("Message-ID", in: message.body),
            MboxFormat.contains(tail, Array("\nMessage-ID: \(id)\n".utf8))
        {
            return .delivered
        }
        var bytes: [UInt8] = []
        // A new message starts after an empty line (or at the start of the file).
        if oldSize > 0 {
            if tail.last != 0x0A { bytes += [0x0A, 0x0A] } else if tail.suffix(2) != [0x0A, 0x0A] { bytes.append(0x0A) }
        }
        bytes += MboxFormat.separator(sender: sender, date: now())
        bytes += MboxFormat.quote(message.body)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        bytes.append(0x0A)
        if let reason = Self.writeAll(fd, bytes) ?? (fsync(fd) == 0 ? nil : "fsync: \(Self.errorText())") {
            _ = ftruncate(fd, oldSize)
            _ = fsync(fd)
            return .retry(after: nil, reason: "cannot append to \(path) (\(reason)); truncated back to \(oldSize) bytes")
        }
        return .delivered
    }

    private func readTail(_ fd: Int32, size: off_t, count: Int) -> [UInt8] {
        let length = Int(min(off_t(count), size))
        guard length > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, length - done, size - off_t(length) + off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        return Array(buffer.prefix(done))
    }

    /// Takes the `fcntl` write lock on the whole file, polling until `deadline`.
    private func lockRegion(_ fd: Int32, until deadline: ContinuousClock.Instant) async -> Bool {
        while true {
            var region = Glibc.flock()
            region.l_type = Int16(F_WRLCK)
            region.l_whence = Int16(SEEK_SET)
            region.l_start = 0
            region.l_len = 0
            if fcntl(fd, F_SETLK, &region) == 0 { return true }
            guard errno == EAGAIN || errno == EACCES || errno == EINTR, ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: pollInterval)
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return "write: \(errorText())"
            }
            offset += n
        }
        return nil
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// Mailboxes this process is appending to right now, so its own deliveries take turns.
private actor MailboxTurns {
    static let shared = MailboxTurns()
    private var busy: Set<String> = []

    func take(_ path: String, until deadline: ContinuousClock.Instant, poll: Duration) async -> Bool {
        while busy.contains(path) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: poll)
        }
        busy.insert(path)
        return true
    }

    func give(_ path: String) { busy.remove(path) }
}

extension DeliveryTransport {
    /// Why a message's mailbox is refused, for its dead letter: no mailbox at all, or a name
    /// that is not a plain local user name (never used as a path).
    static func refusal(_ mailbox: String) -> String {
        if mailbox.isEmpty {
            return "the recipient has no mailbox: add a mailbox field (a local user name) to the rep in the store"
        }
        let problem = MailboxName.problem(with: mailbox)?.message ?? "the mailbox is not usable"
        return problem + "; fix the rep's mailbox field in the store"
    }
}
