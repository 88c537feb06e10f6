package import Foundation

/// The shared pool: when each customer is due back in the pool, warnings ahead of that
/// date and the reclaim itself. Pure: the store is never edited.
package struct PoolEvaluator: Sendable {
    /// A customer's standing with the pool at a date.
    package struct Entry: Sendable, Hashable {
        package var customer: Customer
        /// The last contact, or the registration when there is none (`nil`: neither known).
        package var since: LocalDate
        /// The first day the customer is back in the pool.
        package var reclaimDate: LocalDate
        /// Days until the reclaim date (0 or less: reclaim now).
        package var daysLeft: Int
    }

    package var rule: PoolRule
    package var calendar: BusinessCalendar
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: PoolRule, calendar: BusinessCalendar, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.calendar = calendar
        self.zone = zone
        self.locale = locale
    }

    /// Every customer with a reclaim period at `now` (the store as of `now`), with its reclaim
    /// date, soonest first. Dead customers (seed 000's red box) are not in anybody's care, so
    /// they are left out.
    package func entries(_ store: Snapshot, at now: Date) -> [Entry] {
        let snapshot = store.asOf(now, zone: zone)
        let today = zone.localDate(now)
        var result: [Entry] = []
        for customer in snapshot.customers where customer.status != .dead {
            guard let period = rule.reclaim[customer.class] else { continue }
            guard let since = (snapshot.lastContact(of: customer.id)?.at ?? customer.registeredAt).map(zone.localDate)
            else { continue }
            let reclaim = calendar.adding(period, to: since).adding(days: 1)
            result.append(Entry(customer: customer, since: since, reclaimDate: reclaim, daysLeft: today.days(to: reclaim)))
        }
        return result.sorted { ($0.reclaimDate, $0.customer.id) < ($1.reclaimDate, $1.customer.id) }
    }

    /// The customers due back in the pool at `now` (what a CRM import acts on).
    package func reclaimed(_ snapshot: Snapshot, at now: Date) -> [Entry] {
        entries(snapshot, at: now).filter { $0.daysLeft <= 0 }
    }

    /// A warning (level 0, to the rep) from `warn_before` ahead of the reclaim date, and the
    /// reclaim (level 1, to `notify`) from that date on. Keys name the reclaim date, so a new
    /// contact (a new date) gives new notices and the old ones simply stop.
    package func notices(_ snapshot: Snapshot, at now: Date, resolver: RecipientResolver) -> [Notice] {
        let today = zone.localDate(now)
        var notices: [Notice] = []
        for entry in entries(snapshot, at: now) {
            let warnFrom = entry.reclaimDate.adding(days: -rule.warnBefore.wholeDays)
            guard today >= warnFrom else { continue }
            let reclaim = entry.daysLeft <= 0
            let facts = NoticeFacts.reclaim(
                .init(
                    customerName: entry.customer.name, customerClass: entry.customer.class,
                    reclaimDate: entry.reclaimDate, daysLeft: entry.daysLeft))
            let c = entry.customer
            notices.append(
                Notice(
                    key: "reclaim/\(c.id)/\(entry.reclaimDate)/\(reclaim ? 1 : 0)", kind: .reclaim, rule: "pool",
                    rep: c.rep, customer: c.id, to: resolver.resolve(reclaim ? rule.notify : [.rep], rep: c.rep),
                    level: reclaim ? 1 : 0, message: NoticeText.render(.reclaim, facts, locale: locale),
                    source: c.origin.description, date: entry.since, facts: facts))
        }
        return notices
    }
}
