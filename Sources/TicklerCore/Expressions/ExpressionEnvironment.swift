package import Foundation

/// Everything an expression may read besides its record: the snapshot, the time of the
/// evaluation and the indexes built once per evaluation (only those the alert needs).
///
/// Records dated after `now` do not count: an evaluation describes the state at `now`,
/// also when `now` is in the past (`tickler eval --at`).
package struct ExpressionEnvironment: Sendable {
    package struct EventStamp: Sendable, Hashable {
        package var at: Double
        package var event: String
    }

    package let snapshot: Snapshot
    package let now: Date
    package let today: LocalDate
    package let zone: Zone
    private var contactsByCustomer: [String: [Double]] = [:]
    private var contactsByRep: [String: [Double]] = [:]
    private var eventsByCustomer: [String: [EventStamp]] = [:]
    private var eventsByRep: [String: [EventStamp]] = [:]
    /// Event times by owner and event name (``namedKey(_:_:)``), sorted: `count_events("x", w)`
    /// is a binary search, not a walk over every event of the owner in the window.
    private var namedEventsByCustomer: [String: [Double]] = [:]
    private var namedEventsByRep: [String: [Double]] = [:]
    /// Set only when the store holds contacts after `now`, which the snapshot's index would count.
    private var lastContactAtOrBeforeNow: [String: Date]?
    /// Each rep's contacts up to `now`, for `period_*()`; built only when an alert uses them.
    private var periodActivity: PeriodActivityIndex?

    /// Builds the indexes named in `needs`; O(records) each.
    package init(snapshot: Snapshot, now: Date, zone: Zone, needs: ExpressionNeeds) {
        self.snapshot = snapshot
        self.now = now
        self.zone = zone
        self.today = zone.localDate(now)
        let limit = now.timeIntervalSince1970
        if needs.contains(.contactsByCustomer) || needs.contains(.contactsByRep) {
            if needs.contains(.contactsByCustomer) { contactsByCustomer.reserveCapacity(snapshot.customers.count) }
            for contact in snapshot.contacts where contact.at.timeIntervalSince1970 <= limit {
                let t = contact.at.timeIntervalSince1970
                if needs.contains(.contactsByCustomer) { contactsByCustomer[contact.customer, default: []].append(t) }
                if needs.contains(.contactsByRep) { contactsByRep[contact.rep, default: []].append(t) }
            }
            for key in contactsByCustomer.keys { contactsByCustomer[key]!.sort() }
            for key in contactsByRep.keys { contactsByRep[key]!.sort() }
        }
        if needs.contains(.eventsByCustomer) || needs.contains(.eventsByRep) {
            for event in snapshot.events where event.at.timeIntervalSince1970 <= limit {
                let stamp = EventStamp(at: event.at.timeIntervalSince1970, event: event.event)
                if needs.contains(.eventsByCustomer), let customer = event.customer {
                    eventsByCustomer[customer, default: []].append(stamp)
                    namedEventsByCustomer[Self.namedKey(customer, event.event), default: []].append(stamp.at)
                }
                if needs.contains(.eventsByRep) {
                    eventsByRep[event.rep, default: []].append(stamp)
                    namedEventsByRep[Self.namedKey(event.rep, event.event), default: []].append(stamp.at)
                }
            }
            for key in eventsByCustomer.keys { eventsByCustomer[key]!.sort { $0.at < $1.at } }
            for key in eventsByRep.keys { eventsByRep[key]!.sort { $0.at < $1.at } }
            for key in namedEventsByCustomer.keys { namedEventsByCustomer[key]!.sort() }
            for key in namedEventsByRep.keys { namedEventsByRep[key]!.sort() }
        }
        if needs.contains(.periodActivity) { periodActivity = PeriodActivityIndex(snapshot: snapshot, limit: limit) }
        if needs.contains(.lastContact), snapshot.contacts.contains(where: { $0.at > now }) {
            var last: [String: Date] = [:]
            for contact in snapshot.contacts where contact.at <= now {
                if let seen = last[contact.customer], seen >= contact.at { continue }
                last[contact.customer] = contact.at
            }
            lastContactAtOrBeforeNow = last
        }
    }

    /// When the customer was last contacted, at or before `now`.
    package func lastContact(of customer: String) -> Date? {
        if let lastContactAtOrBeforeNow { return lastContactAtOrBeforeNow[customer] }
        return snapshot.lastContact(of: customer)?.at
    }

    /// All contacts of the customer up to `now`.
    package func contactCount(ofCustomer customer: String) -> Int {
        contactsByCustomer[customer]?.count ?? 0
    }

    /// Contacts of a customer or made by a rep within `window` before `now`.
    package func contacts(of owner: ActivityOwner, _ id: String, within window: RuleDuration) -> Int {
        let times = (owner == .customer ? contactsByCustomer[id] : contactsByRep[id]) ?? []
        let start = windowStart(window)
        return times.count - ExpressionEnvironment.firstIndex(in: times, notBefore: start)
    }

    /// Events (all, or those named `name`) of a customer or rep within `window` before `now`.
    package func events(of owner: ActivityOwner, _ id: String, named name: String?, within window: RuleDuration)
        -> Int
    {
        let start = windowStart(window)
        guard let name else {
            let stamps = (owner == .customer ? eventsByCustomer[id] : eventsByRep[id]) ?? []
            var low = 0
            var high = stamps.count
            while low < high {
                let mid = (low + high) / 2
                if stamps[mid].at < start { low = mid + 1 } else { high = mid }
            }
            return stamps.count - low
        }
        let key = Self.namedKey(id, name)
        let times = (owner == .customer ? namedEventsByCustomer[key] : namedEventsByRep[key]) ?? []
        return times.count - ExpressionEnvironment.firstIndex(in: times, notBefore: start)
    }

    /// A rep's activity in `period` up to `now` (`period_contacts()` and the like).
    package func count(_ what: PeriodCount, rep: String, in period: CalendarPeriod) -> Int {
        guard let periodActivity else { return 0 }
        let from = zone.instant(period.start).timeIntervalSince1970
        let to = min(zone.instant(period.end).timeIntervalSince1970, now.timeIntervalSince1970.nextUp)
        return periodActivity.count(what, rep: rep, from: from, to: to)
    }

    /// The key of an owner's events of one name (ids and names hold no control characters).
    private static func namedKey(_ id: String, _ name: String) -> String { id + "\u{1F}" + name }

    /// Calendar windows (`7d`, `2w`) cover whole local days, today included: `7d` starts at
    /// the local midnight six days ago. Clock windows (`12h`) reach back exactly that long.
    private func windowStart(_ window: RuleDuration) -> Double {
        if window.isCalendarUnit {
            let days = max(window.wholeDays, 1)
            return zone.instant(today.adding(days: -(days - 1))).timeIntervalSince1970
        }
        return now.timeIntervalSince1970 - Double(window.approximateSeconds)
    }

    private static func firstIndex(in sorted: [Double], notBefore value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
