/// One entry of `alerts:` — a free-form condition over one collection of the store.
package struct AlertRule: Sendable {
    /// The collection an alert iterates over.
    package enum Subject: String, Sendable, Hashable, CaseIterable {
        case customers, contacts, reps, attendance, events
    }

    package var name: String
    package var subject: Subject
    /// The `when:` expression as written, and where it starts in the rules file
    /// (expression errors point inside it).
    package var when: String
    package var whenLocation: SourceLocation
    package var notify: [Recipient]
    /// Message template with `{field}` placeholders.
    package var message: String?
    /// Where the `message:` text starts in the rules file (the first character of the
    /// text itself, after an opening quote), so placeholder errors point inside it;
    /// `nil` falls back to the rule's location.
    package var messageLocation: SourceLocation?
    /// `every: week` or `every: month` (reps only): the alert fires at most once per rep and
    /// period, and `period_*()` count within that period (issue 17 item 5).
    package var every: Period?
    /// With `every`: judge the period that just ended (a month-end review) rather than the
    /// period so far.
    package var closed: Bool = false
    /// Points and a bonus each time the alert fires for a rep (needs `every`).
    package var reward: Reward?
    package var location: SourceLocation

    package init(
        name: String, subject: Subject, when: String, whenLocation: SourceLocation, notify: [Recipient],
        message: String?, location: SourceLocation, messageLocation: SourceLocation? = nil
    ) {
        self.name = name
        self.subject = subject
        self.when = when
        self.whenLocation = whenLocation
        self.notify = notify
        self.message = message
        self.location = location
        self.messageLocation = messageLocation
    }
}
