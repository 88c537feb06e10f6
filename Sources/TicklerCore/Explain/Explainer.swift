package import Foundation

/// `tickler explain`: why each notice about a customer or a rep fires or does not, with the
/// dates, records and rule steps used. Pure, like the evaluator it explains.
package struct Explainer: Sendable {
    package var rules: Rules
    package var snapshot: Snapshot
    package var now: Date
    package var since: Date

    package init(rules: Rules, snapshot: Snapshot, now: Date, since: Date? = nil) {
        self.rules = rules
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

    func repLabel(_ id: String) -> String {
        guard let rep = snapshot.rep(id) else { return "\(id) (not in reps)" }
        return "\(id) \(rep.name)" + (rep.manager.map { ", manager \($0)" } ?? ", no manager")
    }

    func time(_ instant: Date) -> String {
        "\(rules.zone.localDate(instant)) \(rules.zone.timeOfDay(instant))"
    }

    func recipients(_ notify: [Recipient]) -> String {
        notify.map(\.description).joined(separator: ", ")
    }

    func penalty(_ penalty: Penalty?) -> String {
        guard let penalty, !penalty.isZero else { return "" }
        return "; " + Self.charge(fine: penalty.fine, points: penalty.points)
    }

    /// "fine 10, 5 points", "1 point", "fine 10": no zero part, the noun in the right number.
    static func charge(fine: Decimal, points: Int) -> String {
        var parts: [String] = []
        if fine != 0 { parts.append("fine \(fine)") }
        if points != 0 || fine == 0 { parts.append(Plural.count(points, "point", "points")) }
        return parts.joined(separator: ", ")
    }

    static func noticeLines(_ notices: [Notice], none: String) -> [String] {
        guard !notices.isEmpty else { return ["  => \(none)"] }
        return notices.map { "  => \($0.kind.rawValue) \($0.key) to \($0.to.joined(separator: ", ")): \($0.message)" }
    }
}
