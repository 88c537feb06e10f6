import Crypto
import Foundation
package import TicklerCore

/// All new notices for one recipient in one tick, as one message (SPEC section 6).
///
/// The notices are ordered for reading: by kind (overdue first, see ``NoticeKind/rank``),
/// overdue ones by escalation level, deepest first, then by due date and key. The ``id`` is
/// derived from the recipient and the sorted notice keys only, so the same digest built
/// again (after a crash, on a retry) has the same id: it becomes the mail `Message-ID` and
/// the webhook `webhook-id`.
package struct Digest: Sendable, Hashable {
    /// The rep or manager id.
    package var recipient: String
    /// The recipient's display name (the rep's `name`, else the id).
    package var recipientName: String
    /// The language the digest is written in.
    package var locale: NoticeLocale
    /// The notices, in reading order, each `message` in ``locale`` (alerts keep the manager's
    /// own text).
    package var notices: [Notice]
    /// Stable id: `tickler-` and 32 hex digits.
    package var id: String

    /// Builds the digest of `notices` for `recipient`; duplicates (same key) are dropped.
    package init(recipient: String, recipientName: String? = nil, locale: NoticeLocale, notices: [Notice]) {
        var seen = Set<String>()
        let unique = notices.filter { seen.insert($0.key).inserted }
        self.recipient = recipient
        self.recipientName = recipientName ?? recipient
        self.locale = locale
        // Each notice's own text in the digest's language too (a webhook's JSON carries it),
        // not the rules' language it was evaluated in.
        self.notices = unique.sorted(by: Self.readingOrder).map { notice in
            var notice = notice
            notice.message = notice.message(in: locale)
            return notice
        }
        self.id = Self.id(recipient: recipient, keys: unique.map(\.key))
    }

    /// `tickler-` + the first 128 bits of SHA-256 over the recipient and the sorted keys.
    package static func id(recipient: String, keys: [String]) -> String {
        var input = Data(recipient.utf8)
        for key in Set(keys).sorted() {
            input.append(0x0A)
            input.append(contentsOf: key.utf8)
        }
        let digest = SHA256.hash(data: input)
        return "tickler-" + digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Kind first; overdue by level, deepest first; then due date and key.
    package static func readingOrder(_ a: Notice, _ b: Notice) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if (a.level ?? 0) != (b.level ?? 0) { return (a.level ?? 0) > (b.level ?? 0) }
        if a.due != b.due {
            guard let x = a.due else { return false }
            guard let y = b.due else { return true }
            return x < y
        }
        return a.key < b.key
    }

    /// The notices grouped as the digest shows them: one group per kind and (for overdue)
    /// per escalation level, in reading order.
    package var groups: [(kind: NoticeKind, level: Int?, notices: [Notice])] {
        var result: [(kind: NoticeKind, level: Int?, notices: [Notice])] = []
        for notice in notices {
            let level = notice.kind == .overdue ? (notice.level ?? 0) : nil
            // Compare without holding a copy of the last group: a copy would make every
            // append copy the group's notices (quadratic in a manager's large digest).
            if !result.isEmpty, result[result.count - 1].kind == notice.kind, result[result.count - 1].level == level {
                result[result.count - 1].notices.append(notice)
            } else {
                result.append((notice.kind, level, [notice]))
            }
        }
        return result
    }
}

extension Digest {
    /// One digest per recipient of `notices` (a notice with no `to` goes to its rep), in
    /// recipient order. `reps` gives names and languages; a recipient without a `locale`
    /// reads `fallback` (the rules' locale).
    package static func perRecipient(
        _ notices: [Notice], reps: (String) -> Rep?, fallback: NoticeLocale
    ) -> [Digest] {
        var byRecipient: [String: [Notice]] = [:]
        for notice in notices {
            for recipient in notice.to.isEmpty ? [notice.rep] : notice.to {
                byRecipient[recipient, default: []].append(notice)
            }
        }
        return byRecipient.keys.sorted().map { recipient in
            let rep = reps(recipient)
            return Digest(
                recipient: recipient, recipientName: rep?.name, locale: rep?.locale ?? fallback,
                notices: byRecipient[recipient] ?? [])
        }
    }
}
