import Foundation
import TicklerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers into Maildirs: `ROOT/MAILBOX/{tmp,new,cur}`, one Maildir per recipient under the
/// configured folder. The message is written to `tmp/`, `fsync`ed, then renamed into `new/`
/// and the folder `fsync`ed: a reader sees a whole message or none.
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
        for path in [root, maildir, maildir + "/tmp", maildir + "/new", maildir + "/cur"]
        where mkdir(path, 0o700) != 0 && errno != EEXIST {
            return .retry(after: nil, reason: "cannot create the Maildir folder \(path): \(MboxSpool.errorText())")
        }
        let tag = Self.tag(message.id)
        if message.attempt > 1 {
            for sub in ["/new", "/cur"] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir + sub)) ?? []
                if names.contains(where: { $0.contains(tag) }) { return .delivered }
            }
        }
        let now = Date().timeIntervalSince1970
        let unique = "\(Int(now)).M\(Int((now - now.rounded(.down)) * 1_000_000))P\(getpid())\(tag).\(Self.hostname())"
        let temp = maildir + "/tmp/" + unique
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return .retry(after: nil, reason: "cannot create \(temp): \(MboxSpool.errorText())") }
        let failure = MboxSpool.writeAll(fd, message.body) ?? (fsync(fd) == 0 ? nil : "fsync: \(MboxSpool.errorText())")
        close(fd)
        if let failure {
            unlink(temp)
            return .retry(after: nil, reason: "cannot write \(temp): \(failure)")
        }
        guard rename(temp, maildir + "/new/" + unique) == 0 else {
            let reason = MboxSpool.errorText()
            unlink(temp)
            return .retry(after: nil, reason: "cannot move the message into \(maildir)/new: \(reason)")
        }
        let dfd = open(maildir + "/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        return .delivered
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
