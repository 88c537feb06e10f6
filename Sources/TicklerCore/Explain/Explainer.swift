package import Foundation

/// `tickler explain`: why each notice about a customer or a rep fires or does not, with the
/// dates, records and rule steps used. Pure, like the evaluator it explains.
package struct Explainer: Sendable {
    package var rules: Rules
    package var snapshot: Snapshot
    package var now: Date
    package var since: Date
    /// The language of the explanation (the rules' by default; English for logs).
    package var locale: NoticeLocale

    package init(rules: Rules, snapshot: Snapshot, now: Date, since: Date? = nil, locale: NoticeLocale? = nil) {
        self.rules = rules
        self.locale = locale ?? rules.locale
        // What the evaluation saw: the store as of `now`.
        self.snapshot = snapshot.asOf(now, zone: rules.zone)
        self.now = now
        self.since = since ?? rules.zone.startOfDay(now)
    }

    var today: LocalDate { rules.zone.localDate(now) }

    /// The notices of this evaluation that concern `filter`.
    func notices(where filter: (Notice) -> Bool) -> [Notice] {
        Evaluator(rules: rules).evaluate(snapshot, at: now, since: since).notices.filter(filter)
    }

    /// The text of `key` in the explanation's language.
    func t(_ key: CommandText.Key, _ values: String...) -> String {
        CommandText.text(key, locale, values)
    }

    func repLabel(_ id: String) -> String {
        guard let rep = snapshot.rep(id) else { return t(.repNotInReps, id) }
        return rep.manager.map { t(.repManager, id, rep.name, $0) } ?? t(.repNoManager, id, rep.name)
    }

    func time(_ instant: Date) -> String {
        "\(rules.zone.localDate(instant)) \(rules.zone.timeOfDay(instant))"
    }

    func recipients(_ notify: [Recipient]) -> String {
        notify.map(\.description).joined(separator: ", ")
    }

    func penalty(_ penalty: Penalty?) -> String {
        guard let penalty, !penalty.isZero else { return "" }
        let separator = locale == .zhHans || locale == .zhHant ? "；" : "; "
        return separator + Self.charge(fine: penalty.fine, points: penalty.points, locale)
    }

    /// "fine 10, 5 points", "1 point", "fine 10": no zero part, the noun in the right number.
    static func charge(fine: Decimal, points: Int, _ locale: NoticeLocale = .en) -> String {
        var parts: [String] = []
        if fine != 0 { parts.append(CommandText.text(.fine, locale, "\(fine)")) }
        if points != 0 || fine == 0 { parts.append(CommandText.text(.points, locale, "\(points)")) }
        return parts.joined(separator: locale == .zhHans || locale == .zhHant ? "，" : ", ")
    }

    /// One line per notice, its text in the explanation's language; `none` when there is none.
    func noticeLines(_ notices: [Notice], none: CommandText.Key) -> [String] {
        guard !notices.isEmpty else { return ["  => " + t(none)] }
        return notices.map {
            t(.noticeLine, $0.kind.rawValue, $0.key, $0.to.joined(separator: ", "), $0.message(in: locale))
        }
    }
}
