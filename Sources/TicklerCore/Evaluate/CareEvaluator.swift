package import Foundation

/// Seed 004's key-customer care: birthdays and company anniversaries of key customers,
/// greetings ahead of the Chinese festivals, the customers drifting away (churn risk) and
/// the 80/20 list of the customers that carry the expected amount.
package struct CareEvaluator: Sendable {
    package var rule: CareRule
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: CareRule, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.zone = zone
        self.locale = locale
    }

    package func notices(_ snapshot: Snapshot, today: LocalDate, resolver: RecipientResolver) -> [Notice] {
        let cared = snapshot.customers.filter { rule.classes.contains($0.class) && $0.status != .dead }
        var notices: [Notice] = []
        for c in cared {
            if let birthday = c.birthday, let next = Self.nextAnniversary(of: birthday, onOrAfter: today),
                today.days(to: next) <= rule.before.wholeDays
            {
                let care = NoticeFacts.Care(customerName: c.name, occasion: .birthday(date: next, inDays: today.days(to: next)))
                notices.append(notice(c.rep, c, "birthday/\(c.id)/\(next)", care, resolver))
            }
            if let founded = c.founded ?? c.registeredAt.map(zone.localDate),
                let next = Self.nextAnniversary(of: founded, onOrAfter: today), next.year > founded.year,
                today.days(to: next) <= rule.before.wholeDays
            {
                let occasion = NoticeFacts.Care.Occasion.anniversary(
                    date: next, inDays: today.days(to: next), years: next.year - founded.year)
                notices.append(notice(c.rep, c, "anniversary/\(c.id)/\(next)", .init(customerName: c.name, occasion: occasion), resolver))
            }
            if let factor = rule.churnFactor, let risk = churnRisk(c, snapshot, today: today, factor: factor) {
                let care = NoticeFacts.Care(customerName: c.name, occasion: .churn(last: risk.last, gap: risk.gap, usual: risk.usual))
                notices.append(notice(c.rep, c, "churn/\(c.id)/\(risk.last)", care, resolver, date: risk.last))
            }
        }
        for (festival, lead) in rule.festivals.sorted(by: { $0.key.name < $1.key.name }) {
            guard let date = ChineseFestivals.next(festival, onOrAfter: today), today.days(to: date) <= lead.wholeDays
            else { continue }
            var byRep: [String: Int] = [:]
            for c in cared { byRep[c.rep, default: 0] += 1 }
            for (rep, count) in byRep.sorted(by: { $0.key < $1.key }) {
                var care = NoticeFacts.Care(
                    occasion: .festival(name: festival.name, date: date, inDays: today.days(to: date), keyCustomers: count))
                care.festivalLabel = festival.label
                notices.append(notice(rep, nil, "\(festival.name)/\(date)/\(rep)", care, resolver))
            }
        }
        return notices
    }

    private func notice(
        _ rep: String, _ c: Customer?, _ key: String, _ care: NoticeFacts.Care, _ resolver: RecipientResolver,
        date: LocalDate? = nil
    ) -> Notice {
        let facts = NoticeFacts.care(care)
        return Notice(
            key: "care/" + key, kind: .care, rule: "care.\(care.name)", rep: rep, customer: c?.id,
            to: resolver.resolve(rule.notify, rep: rep), message: NoticeText.render(.care, facts, locale: locale),
            source: c?.origin.description, date: date, facts: facts)
    }

    /// The next day on or after `today` with the month and day of `date` (29 February is
    /// kept on 28 February in common years).
    package static func nextAnniversary(of date: LocalDate, onOrAfter today: LocalDate) -> LocalDate? {
        for year in today.year...(today.year + 1) {
            let day = min(date.day, LocalDate.daysIn(month: date.month, year: year))
            if let next = LocalDate(year: year, month: date.month, day: day), next >= today { return next }
        }
        return nil
    }

    /// The customer's usual gap (median days between consecutive contacts, from at least
    /// three contacts) and the current gap, when the current one exceeds `factor` times it.
    package func churnRisk(_ c: Customer, _ snapshot: Snapshot, today: LocalDate, factor: Double)
        -> (last: LocalDate, gap: Int, usual: Int)?
    {
        let days = snapshot.contacts(of: c.id).map { zone.localDate($0.at) }.sorted()
        guard days.count >= 3, let last = days.last else { return nil }
        let gaps = zip(days, days.dropFirst()).map { $0.days(to: $1) }.filter { $0 > 0 }.sorted()
        guard !gaps.isEmpty else { return nil }
        let usual = gaps[gaps.count / 2]
        let gap = last.days(to: today)
        guard Double(gap) > factor * Double(usual) else { return nil }
        return (last, gap, usual)
    }

    /// Seed 004's 80/20 rule: the fewest customers whose expected amounts reach 80% of the
    /// total, largest first (dead customers left out).
    package static func keyCustomers(_ snapshot: Snapshot) -> [(Customer, Decimal)] {
        let ranked = snapshot.customers.compactMap { c -> (Customer, Decimal)? in
            guard c.status != .dead, let amount = c.expectedAmount, amount > 0 else { return nil }
            return (c, amount)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        let total = ranked.reduce(Decimal(0)) { $0 + $1.1 }
        var running = Decimal(0)
        var result: [(Customer, Decimal)] = []
        for item in ranked where running < total * 8 / 10 {
            running += item.1
            result.append(item)
        }
        return result
    }

    /// The 80/20 list as a report table with each customer's share and the running share.
    package static func keyCustomersTable(_ snapshot: Snapshot, locale: NoticeLocale) -> ReportTable {
        let l = { (label: ReportText.Label) in ReportText.text(label, locale) }
        let total = snapshot.customers.reduce(Decimal(0)) { $0 + ($1.status == .dead ? 0 : max(0, $1.expectedAmount ?? 0)) }
        var running = Decimal(0)
        let rows = keyCustomers(snapshot).map { c, amount -> [String] in
            running += amount
            return [
                c.name, snapshot.rep(c.rep)?.name ?? c.rep, c.class, ReportFormat.money(amount),
                ReportFormat.percent(amount, of: total), ReportFormat.percent(running, of: total),
            ]
        }
        return ReportTable(
            id: "key_customers", title: l(.keyCustomersTitle),
            columns: [l(.customer), l(.rep), l(.customerClass), l(.expectedAmount), l(.share), l(.cumulative)], rows: rows,
            notes: [l(.noteKeyCustomers)])
    }
}
