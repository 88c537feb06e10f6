package import Foundation

/// One thing somebody must be told, produced by the evaluator.
///
/// The `key` names the rule, the subject and the period or due date, never the time of the
/// tick, so the same notice has the same key in every run: the notification log delivers a
/// key once per channel, and webhooks use it as their idempotency key.
package struct Notice: Sendable, Hashable, Codable {
    package var key: String
    package var kind: NoticeKind
    /// The rule's name or section (`followup`, `attendance`, `penalties.late_greeting`).
    package var rule: String
    package var rep: String
    package var customer: String?
    /// Rep/manager ids who receive it, in order, without duplicates.
    package var to: [String]
    /// The due date (follow-up kinds).
    package var due: LocalDate?
    /// Escalation step index, 0-based (overdue).
    package var level: Int?
    package var fine: Decimal?
    package var points: Int?
    /// The human text in the rules' locale.
    package var message: String
    /// Whole days past the due date (overdue) or minutes late (late).
    package var days: Int?
    package var minutes: Int?
    /// The store record that triggered it (`events.jsonl:12`), where one did.
    package var source: String?
    /// The local date the notice is about (event and attendance kinds).
    package var date: LocalDate?
    /// What the text was made from, so it can be rendered again in a recipient's own
    /// language (a rep's `locale`); not part of the JSON output.
    package var facts: NoticeFacts?

    private enum CodingKeys: String, CodingKey {
        case key, kind, rule, rep, customer, to, due, level, fine, points, message, days, minutes, source, date
    }

    /// The text in `locale`: rendered again from the facts where the notice has them (alert
    /// texts are the manager's own template and stay as written).
    package func message(in locale: NoticeLocale) -> String {
        guard let facts else { return message }
        return NoticeText.render(kind, facts, locale: locale)
    }

    package init(
        key: String, kind: NoticeKind, rule: String, rep: String, customer: String? = nil, to: [String],
        due: LocalDate? = nil, level: Int? = nil, fine: Decimal? = nil, points: Int? = nil, message: String,
        days: Int? = nil, minutes: Int? = nil, source: String? = nil, date: LocalDate? = nil,
        facts: NoticeFacts? = nil
    ) {
        self.key = key
        self.kind = kind
        self.rule = rule
        self.rep = rep
        self.customer = customer
        self.to = to
        self.due = due
        self.level = level
        self.fine = fine
        self.points = points
        self.message = message
        self.days = days
        self.minutes = minutes
        self.source = source
        self.date = date
        self.facts = facts
    }
}
