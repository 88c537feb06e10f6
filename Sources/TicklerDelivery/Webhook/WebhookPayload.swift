import Crypto
import Foundation
package import TicklerCore

/// The JSON a webhook receives for one digest: every new notice for one recipient in one
/// tick, with the digest's rendered title and text, the recipient and the rules version.
///
/// `generic` receivers get this payload itself (`"type": "tickler.digest"`, `"version": 1`;
/// new keys may be added, existing ones keep their meaning); chat formats get a message built
/// from `title` and `text` (see ``WebhookFormat``). Encoding is deterministic: the same
/// payload always gives the same bytes, so a resend carries the same body and signature input.
package struct WebhookPayload: Sendable, Hashable {
    /// Who the digest is for.
    package struct Recipient: Sendable, Hashable, Codable {
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The payload schema version; bumped only for an incompatible change.
    package static let version = 1
    /// The payload's `type`.
    package static let type = "tickler.digest"

    /// The idempotency id: the same on every attempt (also sent as `webhook-id`).
    package var id: String
    package var recipient: Recipient
    /// Which rules produced the notices (see ``rulesVersion(of:)``).
    package var rulesVersion: String
    /// The locale the title, text and messages are in (`zh-Hans`, `en`, ...).
    package var locale: String
    /// The rendered digest: a one-line title and the plain text body.
    package var title: String
    package var text: String
    package var notices: [Notice]
    /// The reports of the digest's `report` notices, by notice key (their tables are also in
    /// `text`); the `generic` JSON carries them as a `reports` array when there are any.
    package var reports: [String: Report]

    package init(
        id: String, recipient: Recipient, rulesVersion: String, locale: String, title: String, text: String,
        notices: [Notice], reports: [String: Report] = [:]
    ) {
        self.reports = reports
        self.id = id
        self.recipient = recipient
        self.rulesVersion = rulesVersion
        self.locale = locale
        self.title = title
        self.text = text
        self.notices = notices
    }

    /// A short, stable version of a rules file: `sha256:` and the first 16 hex digits of the
    /// SHA-256 of its bytes, so a receiver can tell which rules a notice came from.
    package static func rulesVersion(of bytes: some Sequence<UInt8>) -> String {
        let digest = SHA256.hash(data: Array(bytes))
        return "sha256:" + digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// A stable idempotency id for one recipient's digest on one channel: `tk_` and 32 hex
    /// digits of the SHA-256 of the channel, the recipient and the sorted notice keys. The
    /// same notices give the same id after a restart, and store text (keys hold customer ids)
    /// never reaches the `webhook-id` header as it is.
    package static func idempotencyID(channel: String, recipient: String, noticeKeys: [String]) -> String {
        let input = ([channel, recipient] + noticeKeys.sorted()).joined(separator: "\n")
        let digest = SHA256.hash(data: Array(input.utf8))
        return "tk_" + digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// The request body in `format`: UTF-8 JSON with sorted keys (non-ASCII text as is).
    package func body(format: WebhookFormat) throws -> [UInt8] {
        switch format {
        case .generic:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Array(try encoder.encode(Document(self)))
        case .slack, .dingtalk, .wecom, .feishu, .teams:
            return try ChatMessage.body(format, title: title, text: text, locale: locale)
        }
    }

    /// The outbox entry for this payload as one message: channel `webhook`, the payload's id,
    /// the URL and the body in `format` (whatever its size; see ``messages(to:format:)``).
    /// Check a rep's own URL with ``WebhookTarget/validate(url:allowHosts:)`` first.
    package func message(to url: String, format: WebhookFormat) throws -> OutboundMessage {
        OutboundMessage(
            id: id, channel: WebhookTransport.channel, recipient: recipient.id, target: url,
            body: try body(format: format))
    }

    /// The outbox entries for this payload in `format`, each with the keys of the notices it
    /// carries: one (with the payload's id) when the digest fits one message of the tool,
    /// else one per ``ChatParts`` part, each with its own stable id derived from the payload's
    /// id, its number and its keys (so each is its own `webhook-id`).
    package func messages(
        to url: String, format: WebhookFormat
    ) throws -> [(message: OutboundMessage, keys: [String])] {
        let parts = try ChatParts.split(self, format: format)
        guard parts.count > 1 else {
            return [(message: try message(to: url, format: format), keys: notices.map(\.key))]
        }
        return try parts.enumerated().map { index, part in
            let number = "\(index + 1)/\(parts.count)"
            let partID = Self.idempotencyID(channel: id, recipient: number, noticeKeys: part.keys)
            let body = try ChatMessage.body(format, title: part.title, text: part.text, locale: locale)
            let message = OutboundMessage(
                id: partID, channel: WebhookTransport.channel, recipient: recipient.id, target: url, body: body)
            return (message: message, keys: part.keys)
        }
    }
}

extension WebhookPayload {
    /// The `generic` JSON document.
    private struct Document: Encodable {
        var payload: WebhookPayload

        init(_ payload: WebhookPayload) { self.payload = payload }

        private enum CodingKeys: String, CodingKey {
            case type, version, id, recipient, locale, title, text, notices, count, reports
            case rulesVersion = "rules_version"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(WebhookPayload.type, forKey: .type)
            try container.encode(WebhookPayload.version, forKey: .version)
            try container.encode(payload.id, forKey: .id)
            try container.encode(payload.recipient, forKey: .recipient)
            try container.encode(payload.rulesVersion, forKey: .rulesVersion)
            try container.encode(payload.locale, forKey: .locale)
            try container.encode(payload.title, forKey: .title)
            try container.encode(payload.text, forKey: .text)
            try container.encode(payload.notices.map(NoticeObject.init), forKey: .notices)
            try container.encode(payload.notices.count, forKey: .count)
            let reports = payload.notices.compactMap { notice in
                payload.reports[notice.key].map { ReportObject(key: notice.key, report: $0) }
            }
            if !reports.isEmpty { try container.encode(reports, forKey: .reports) }
        }
    }

    /// One report: the notice key, name, title, period and each table's id, title, columns,
    /// rows (cells as text, numbers without separators) and notes.
    private struct ReportObject: Encodable {
        struct Table: Encodable {
            var id, title: String
            var columns: [String]
            var rows: [[String]]
            var notes: [String]
        }

        var key, name, title, period: String
        var tables: [Table]

        init(key: String, report: Report) {
            self.key = key
            name = report.name
            title = report.title
            period = report.period.description
            tables = report.tables.map {
                Table(id: $0.id, title: $0.title, columns: $0.columns, rows: $0.rows, notes: $0.notes)
            }
        }
    }

    /// One notice with every SPEC field present (`null` where it does not apply), so a
    /// receiver can rely on the keys; `days`, `minutes`, `bonus` (a reward's), `source` and
    /// `date` where known.
    private struct NoticeObject: Encodable {
        var notice: Notice

        private enum CodingKeys: String, CodingKey {
            case key, kind, rule, rep, customer, to, due, level, fine, points, bonus, message, days, minutes, score, source
            case date
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(notice.key, forKey: .key)
            try container.encode(notice.kind, forKey: .kind)
            try container.encode(notice.rule, forKey: .rule)
            try container.encode(notice.rep, forKey: .rep)
            try container.encode(notice.customer, forKey: .customer)
            try container.encode(notice.to, forKey: .to)
            try container.encode(notice.due, forKey: .due)
            try container.encode(notice.level, forKey: .level)
            try container.encode(notice.fine, forKey: .fine)
            try container.encode(notice.points, forKey: .points)
            try container.encode(notice.message, forKey: .message)
            try container.encodeIfPresent(notice.days, forKey: .days)
            try container.encodeIfPresent(notice.minutes, forKey: .minutes)
            try container.encodeIfPresent(notice.score, forKey: .score)
            try container.encodeIfPresent(notice.bonus, forKey: .bonus)
            try container.encodeIfPresent(notice.source, forKey: .source)
            try container.encodeIfPresent(notice.date, forKey: .date)
        }
    }
}
