import Foundation
import TicklerCore

/// One chat message of a digest: its title, its text and the keys of the notices it shows.
package struct ChatPart: Sendable, Hashable {
    package var title: String
    package var text: String
    package var keys: [String]

    package init(title: String, text: String, keys: [String]) {
        self.title = title
        self.text = text
        self.keys = keys
    }
}

/// A digest too long for one chat message becomes several, none cut: each within the tool's
/// ``ChatLimits`` (bytes, characters, blocks, body), numbered in the title (`(1/3) [Tickler]
/// ...`), each with the notices it shows, so each can be its own outbox entry and a notice
/// counts as delivered only with the message that carries it.
///
/// Notices are never split between messages: each part is a digest of consecutive notices
/// in reading order (the greeting opens the first, the footer closes the last). A notice too
/// long for a message on its own (a report whose tables are long, a very long name) goes as
/// its first lines (the notice and the start of its tables) and the rest in the following
/// messages, each of them carrying its key.
package enum ChatParts {
    /// The messages of `payload` in `format`: the payload's own title and text when they fit
    /// one message (and always for `generic`), else numbered parts.
    package static func split(_ payload: WebhookPayload, format: WebhookFormat) throws -> [ChatPart] {
        let keys = payload.notices.map(\.key)
        let whole = ChatPart(title: payload.title, text: payload.text, keys: keys)
        guard let limits = ChatLimits.of(format) else { return [whole] }
        // The longest numbering a split will have: measuring with it leaves room for the real one.
        let probeTitle = "(9999/9999) " + payload.title
        func fits(_ title: String, _ text: String) -> Bool {
            guard let body = try? ChatMessage.body(format, title: title, text: text, locale: payload.locale) else {
                return false
            }
            return limits.fits(format, body: body)
        }
        if fits(payload.title, payload.text) { return [whole] }
        let pieces: [(text: String, keys: [String])]
        var frame = (head: "", tail: "")
        if let locale = NoticeLocale(rawValue: payload.locale),
            case let digest = Digest(
                recipient: payload.recipient.id, recipientName: payload.recipient.name, locale: locale,
                notices: payload.notices),
            DigestText.body(digest, reports: payload.reports) == payload.text
        {
            let head = DigestText.greeting(digest) + "\n\n"
            let tail = "-- \n" + DigestText.footer(locale) + "\n"
            if payload.text.hasPrefix(head) && payload.text.hasSuffix(tail) { frame = (head, tail) }
            let framed = frame
            func core(_ notices: ArraySlice<Notice>) -> String {
                let part = Digest(
                    recipient: digest.recipient, recipientName: digest.recipientName, locale: locale,
                    notices: Array(notices))
                let text = DigestText.body(part, reports: payload.reports)
                return String(text.dropFirst(framed.head.count).dropLast(framed.tail.count))
            }
            pieces = byNotice(digest.notices, core: core) { fits(probeTitle, framed.head + $0 + framed.tail) }
        } else {
            // Not a digest's own text (a payload built by hand): its lines, each part with every key.
            pieces = byLine(payload.text) { fits(probeTitle, $0) }.map { (text: $0, keys: keys) }
        }
        return pieces.enumerated().map { index, piece in
            let text = (index == 0 ? frame.head : "") + piece.text + (index == pieces.count - 1 ? frame.tail : "")
            return ChatPart(title: "(\(index + 1)/\(pieces.count)) " + payload.title, text: text, keys: piece.keys)
        }
    }

    /// Consecutive runs of `notices`, each as long as `fits` allows; a notice that does not
    /// fit alone is split by lines.
    static func byNotice(
        _ notices: [Notice], core: (ArraySlice<Notice>) -> String, fits: (String) -> Bool
    ) -> [(text: String, keys: [String])] {
        var pieces: [(text: String, keys: [String])] = []
        var start = 0
        while start < notices.count {
            let count = largestFit(notices.count - start) { fits(core(notices[start..<start + $0])) }
            if count == 0 {
                let notice = notices[start]
                for text in byLine(core(notices[start..<start + 1]), fits: fits) {
                    pieces.append((text: text, keys: [notice.key]))
                }
                start += 1
            } else {
                let run = notices[start..<start + count]
                pieces.append((text: core(run), keys: run.map(\.key)))
                start += count
            }
        }
        return pieces
    }

    /// `text` in consecutive runs of lines, each as long as `fits` allows; a line that does
    /// not fit alone is cut between characters.
    static func byLine(_ text: String, fits: (String) -> Bool) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var pieces: [String] = []
        var start = 0
        while start < lines.count {
            let count = largestFit(lines.count - start) { fits(lines[start..<start + $0].joined(separator: "\n")) }
            if count == 0 {
                var rest = Substring(lines[start])
                while !rest.isEmpty {
                    let characters = Array(rest)
                    let take = max(1, largestFit(characters.count) { fits(String(characters[..<$0])) })
                    pieces.append(String(characters[..<take]))
                    rest = rest.dropFirst(take)
                }
                start += 1
            } else {
                let piece = lines[start..<start + count].joined(separator: "\n")
                if !piece.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { pieces.append(piece) }
                start += count
            }
        }
        return pieces
    }

    /// The largest `n` in `0...limit` with `fits(n)`, for a `fits` that holds up to some
    /// point and not after: doubling, then halving the gap (a few renders per part, not one
    /// per notice).
    static func largestFit(_ limit: Int, _ fits: (Int) -> Bool) -> Int {
        guard limit > 0, fits(1) else { return 0 }
        var good = 1
        var bad = limit + 1
        while good < limit {
            let probe = min(good * 2, limit)
            if fits(probe) {
                good = probe
            } else {
                bad = probe
                break
            }
        }
        while bad - good > 1 {
            let middle = (good + bad) / 2
            if fits(middle) { good = middle } else { bad = middle }
        }
        return good
    }
}
