package import Foundation

/// Per-event penalties and repeat-within-window penalties over the `events` collection.
package struct PenaltyEvaluator: Sendable {
    package var rules: [PenaltyRule]
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rules: [PenaltyRule], zone: Zone, locale: NoticeLocale) {
        self.rules = rules
        self.zone = zone
        self.locale = locale
    }

    /// Notices for the events (and repeat triggers) that fall in `[since, now]`. Earlier events
    /// still count toward repeat windows.
    package func notices(
        events: [EventRecord], since: Date, now: Date, resolver: RecipientResolver
    ) -> [Notice] {
        let ruleByEvent = Dictionary(rules.map { ($0.event, $0) }, uniquingKeysWith: { first, _ in first })
        var byRepAndEvent: [String: [EventRecord]] = [:]
        for event in events where event.at <= now && ruleByEvent[event.event] != nil {
            byRepAndEvent[event.rep + "\u{0}" + event.event, default: []].append(event)
        }
        var notices: [Notice] = []
        for group in byRepAndEvent.values {
            let sorted = group.sorted { ($0.at, $0.origin.line) < ($1.at, $1.origin.line) }
            guard let rule = ruleByEvent[sorted[0].event] else { continue }
            if let penalty = rule.penalty {
                notices += each(sorted, rule, penalty, since: since, resolver: resolver)
            }
            if let repeatRule = rule.repeat {
                notices += repeats(sorted, rule, repeatRule, since: since, resolver: resolver)
            }
        }
        return notices
    }

    private func each(
        _ events: [EventRecord], _ rule: PenaltyRule, _ penalty: Penalty, since: Date, resolver: RecipientResolver
    ) -> [Notice] {
        var notices: [Notice] = []
        var seen: [String: Int] = [:]
        for event in events {
            // Two identical records in the same second are two violations: number them.
            let stamp = Self.stamp(event.at)
            let occurrence = seen[stamp, default: 0]
            seen[stamp] = occurrence + 1
            guard event.at >= since else { continue }
            let key = "penalty/\(rule.event)/\(event.rep)/\(stamp)" + (occurrence > 0 ? "#\(occurrence + 1)" : "")
            notices.append(notice(key: key, event, rule, penalty, count: 1, note: rule.note ?? event.note, resolver))
        }
        return notices
    }

    /// A repeat penalty fires when `count` events fall within `within`; the events that
    /// triggered it do not count again, so the fourth no-show of a week is not a second fine.
    private func repeats(
        _ events: [EventRecord], _ rule: PenaltyRule, _ repeatRule: PenaltyRule.Repeat, since: Date,
        resolver: RecipientResolver
    ) -> [Notice] {
        var notices: [Notice] = []
        var window: [EventRecord] = []
        let span = Double(repeatRule.within.approximateSeconds)
        for event in events {
            window.append(event)
            window.removeAll { event.at.timeIntervalSince($0.at) >= span }
            guard window.count >= repeatRule.count else { continue }
            window.removeAll()
            guard event.at >= since else { continue }
            let key = "penalty/\(rule.event)/\(event.rep)/repeat/\(Self.stamp(event.at))"
            notices.append(
                notice(key: key, event, rule, repeatRule.penalty, count: repeatRule.count, note: repeatRule.note, resolver))
        }
        return notices
    }

    private func notice(
        key: String, _ event: EventRecord, _ rule: PenaltyRule, _ penalty: Penalty, count: Int, note: String?,
        _ resolver: RecipientResolver
    ) -> Notice {
        let date = zone.localDate(event.at)
        let facts = NoticeFacts.violation(
            .init(
                repName: resolver.snapshot.rep(event.rep)?.name ?? event.rep, event: rule.event, date: date, count: count,
                penalty: penalty, note: note))
        return Notice(
            key: key, kind: .penalty, rule: "penalties.\(rule.event)", rep: event.rep, customer: event.customer,
            to: resolver.resolve(rule.notify, rep: event.rep), fine: penalty.fine, points: penalty.points,
            message: NoticeText.render(.penalty, facts, locale: locale), source: event.origin.description,
            date: date, facts: facts)
    }

    /// `20261123T011200Z`: the event's instant in UTC, to the second, for keys.
    package static func stamp(_ instant: Date) -> String {
        let utc = Zone(TimeZone(identifier: "UTC")!)
        let time = utc.timeOfDay(instant)
        let second = Int(instant.timeIntervalSince1970.rounded(.down)) % 60
        let digits = utc.localDate(instant).description.replacingOccurrences(of: "-", with: "")
        return digits + "T" + time.description.replacingOccurrences(of: ":", with: "")
            + (second < 10 ? "0" : "") + "\(second < 0 ? second + 60 : second)Z"
    }
}
