import Foundation
import TicklerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers into Maildirs: `ROOT/MAILBOX/{tmp,new,cur}`, one Maildir per recipient under the
/// configured folder. The message is written to `tmp/`, `fsync`ed, then renamed into `new/`
/// and the folder `fsync`ed: a reader sees a whole message or none. The mailbox folder and
/// its `tmp/`, `new/` and `cur/` are opened without following symbolic links (`openat` with
/// `O_NOFOLLOW`), so a link planted in the Maildir root cannot send mail elsewhere.
///
/// The file name's unique part carries the message id, so a retry after a crash (the rename
/// done, the outbox not yet told) finds the earlier copy in `new/` or `cur/` and does not
/// deliver twice.
package struct MaildirDrop: DeliveryTransport {
    /// The folder holding one Maildir per mailbox name.
    package var root: String

    package init(root: String) {
        self.root = root
    }

    package func deliver(_ message: OutboundMessage) async -> DeliveryOutcome {
        guard let name = MailboxName(message.target) else {
            return .deadLetter(reason: Self.refusal(message.target))
        }
        let maildir = root + "/" + name.value
        // Every folder below the configured root is opened without following a symbolic link:
        // a mailbox folder (or its new/) linked elsewhere would make us write there.
        if mkdir(root, 0o700) != 0 && errno != EEXIST {
            return .retry(after: nil, reason: "cannot create the Maildir folder \(root): \(MboxSpool.errorText())")
        }
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else {
            return .retry(after: nil, reason: "cannot open the Maildir folder \(root): \(MboxSpool.errorText())")
        }
        defer { close(rootFD) }
        let boxFD: Int32
        switch Self.folder(rootFD, name.value, path: maildir) {
        case .success(let fd): boxFD = fd
        case .failure(let failure): return failure.outcome
        }
        defer { close(boxFD) }
        var subFDs: [String: Int32] = [:]
        defer { for fd in subFDs.values { close(fd) } }
        for sub in ["tmp", "new", "cur"] {
            switch Self.folder(boxFD, sub, path: maildir + "/" + sub) {
            case .success(let fd): subFDs[sub] = fd
            case .failure(let failure): return failure.outcome
            }
        }
        let tag = Self.tag(message.id)
        if message.attempt > 1 {
            for sub in ["/new", "/cur"] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir + sub)) ?? []
                if names.contains(where: { $0.contains(tag) }) { return .delivered }
            }
        }
        let (tmpFD, newFD) = (subFDs["tmp"]!, subFDs["new"]!)
        let now = Date().timeIntervalSince1970
        let unique = "\(Int(now)).M\(Int((now - now.rounded(.down)) * 1_000_000))P\(getpid())\(tag).\(Self.hostname())"
        let temp = maildir + "/tmp/" + unique
        let fd = openat(tmpFD, unique, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return .retry(after: nil, reason: "cannot create \(temp): \(MboxSpool.errorText())") }
        let failure = MboxSpool.writeAll(fd, message.body) ?? (fsync(fd) == 0 ? nil : "fsync: \(MboxSpool.errorText())")
        close(fd)
        if let failure {
            unlinkat(tmpFD, unique, 0)
            return .retry(after: nil, reason: "cannot write \(temp): \(failure)")
        }
        guard renameat(tmpFD, unique, newFD, unique) == 0 else {
            let reason = MboxSpool.errorText()
            unlinkat(tmpFD, unique, 0)
            return .retry(after: nil, reason: "cannot move the message into \(maildir)/new: \(reason)")
        }
        _ = fsync(newFD)
        return .delivered
    }

    /// Opens (creating, mode 0700, when missing) the folder `name` in the folder `parent`,
    /// refusing a symbolic link or anything that is not a folder (a dead letter) and answering
    /// `retry` for other failures.
    private static func folder(_ parent: Int32, _ name: String, path: String) -> Result<Int32, FolderFailure> {
        if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST {
            return .failure(FolderFailure(.retry(after: nil, reason: "cannot create the Maildir folder \(path): \(MboxSpool.errorText())")))
        }
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP || errno == ENOTDIR {
                return .failure(FolderFailure(.deadLetter(
                    reason: "\(path) is a symbolic link or not a folder; a Maildir must be a plain folder, never followed "
                        + "elsewhere: remove it and find out who made it")))
            }
            return .failure(FolderFailure(.retry(after: nil, reason: "cannot open the Maildir folder \(path): \(MboxSpool.errorText())")))
        }
        return .success(fd)
    }

    /// The outcome of a Maildir folder that cannot be used.
    private struct FolderFailure: Error {
        var outcome: DeliveryOutcome
        init(_ outcome: DeliveryOutcome) { self.outcome = outcome }
    }

    /// `Q` and the id's safe characters: part of the unique name, found again on a retry.
    static func tag(_ id: String) -> String {
        "Q" + id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// The host name with `/` and `:` encoded as the Maildir convention asks.
    static func hostname() -> String {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let name = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.replacingOccurrences(of: "/", with: "\\057").replacingOccurrences(of: ":", with: "\\072")
    }
}
