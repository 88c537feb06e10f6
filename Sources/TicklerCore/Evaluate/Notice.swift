package import Foundation

/// One thing somebody must be told, produced by the evaluator.
///
/// The `key` names the rule, the subject and the period or due date, never the time of the
/// tick, so the same notice has the same key in every run: the notification log delivers a
/// key once per channel, and webhooks use it as their idempotency key.
///
/// The kind's own facts (``NoticeFacts``) give the `due`, `days` and `minutes` fields, so a
/// notice never shows another kind's facts: a field that does not apply is absent.
package struct Notice: Sendable, Hashable, Encodable {
    package var key: String
    package var kind: NoticeKind
    /// The rule's name or section (`followup`, `attendance`, `penalties.late_greeting`).
    package var rule: String
    /// The rep concerned; for a charge, the one charged.
    package var rep: String
    package var customer: String?
    /// Rep/manager ids who receive it, in order, without duplicates.
    package var to: [String]
    /// Escalation step index, 0-based (overdue).
    package var level: Int?
    package var fine: Decimal?
    package var points: Int?
    /// Money paid to the rep (`reward` notices; `points` are then points given).
    package var bonus: Decimal?
    /// The human text in the rules' locale.
    package var message: String
    /// The store record that triggered it (`events.jsonl:12`), where one did.
    package var source: String?
    /// The local date the notice is about (event and attendance kinds).
    package var date: LocalDate?
    /// What the text was made from, so it can be rendered again in a recipient's own
    /// language (a rep's `locale`); not part of the JSON output. `nil` for alerts, whose
    /// text is the manager's own template.
    package var facts: NoticeFacts?
    /// The evaluation's local day, for texts: a date in another year shows its year. Set by
    /// ``Evaluator``; not part of the JSON output.
    package var evaluatedOn: LocalDate?

    /// The due date (follow-up kinds), the close date (forecast), the reclaim date, or the
    /// day of a care occasion.
    package var due: LocalDate? { facts?.due }
    /// Whole days past the due date (overdue), past a close date or since the last change
    /// (forecast), left before a reclaim or an occasion, since the last contact (churn).
    package var days: Int? { facts?.days }
    /// Minutes late (late, absent) or past a deadline (compliance).
    package var minutes: Int? { facts?.minutes }
    /// The rep's score in the period (score_low; a score is not a charge, so not `points`).
    package var score: Int? { facts?.score }

    private enum CodingKeys: String, CodingKey {
        case key, kind, rule, rep, customer, to, due, level, fine, points, bonus, message, days, minutes, score, source, date
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(kind, forKey: .kind)
        try c.encode(rule, forKey: .rule)
        try c.encode(rep, forKey: .rep)
        try c.encodeIfPresent(customer, forKey: .customer)
        try c.encode(to, forKey: .to)
        try c.encodeIfPresent(due, forKey: .due)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(fine, forKey: .fine)
        try c.encodeIfPresent(points, forKey: .points)
        try c.encodeIfPresent(bonus, forKey: .bonus)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(days, forKey: .days)
        try c.encodeIfPresent(minutes, forKey: .minutes)
        try c.encodeIfPresent(score, forKey: .score)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(date, forKey: .date)
    }

    /// The text in `locale`: rendered again from the facts where the notice has them (alert
    /// texts are the manager's own template and stay as written).
    package func message(in locale: NoticeLocale) -> String {
        guard let facts else { return message }
        return NoticeText.render(kind, facts, locale: locale, today: evaluatedOn)
    }

    package init(
        key: String, kind: NoticeKind, rule: String, rep: String, customer: String? = nil, to: [String],
        level: Int? = nil, fine: Decimal? = nil, points: Int? = nil, message: String, source: String? = nil,
        date: LocalDate? = nil, facts: NoticeFacts? = nil
    ) {
        self.key = key
        self.kind = kind
        self.rule = rule
        self.rep = rep
        self.customer = customer
        self.to = to
        self.level = level
        self.fine = fine
        self.points = points
        self.message = message
        self.source = source
        self.date = date
        self.facts = facts
    }
}
