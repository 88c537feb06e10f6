import Foundation

/// Seed 000's prospect ledger: the weighted pipeline by month of close against each rep's
/// goal, and notices when a prospect's close date or probability has gone stale.
package struct ForecastEvaluator: Sendable {
    package var rule: ForecastRule
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: ForecastRule, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.zone = zone
        self.locale = locale
    }

    /// Open prospects: not yet customers, not dead, with an expected amount, and not won: a
    /// contact with `outcome: won` (as of the evaluation) closes the deal even while the
    /// store's `status` still says prospect, so it is neither nagged about nor forecast.
    /// Leads count only with `include_leads: true` (seed 000: the ledger is kept for prospects).
    package static func isOpen(_ c: Customer, in snapshot: Snapshot, includeLeads: Bool = false) -> Bool {
        (c.status == .prospect || (includeLeads && c.status == .lead)) && (c.expectedAmount ?? 0) > 0
            && !snapshot.contacts(of: c.id).contains { $0.outcome?.lowercased() == "won" }
    }

    /// The day the customer's probability last changed, read from the contacts' `progress`
    /// (the store keeps only the current `probability`; contacts keep its history). A contact
    /// whose progress differs from the one before is a change; with no progress recorded,
    /// the registration counts.
    package func lastChange(of customer: Customer, _ snapshot: Snapshot) -> LocalDate? {
        let contacts = snapshot.contacts(of: customer.id).filter { $0.progress != nil }.sorted { $0.at < $1.at }
        var last: (Int, Date)?
        for c in contacts where last?.0 != c.progress { last = (c.progress!, c.at) }
        return (last?.1 ?? customer.registeredAt).map(zone.localDate)
    }

    /// A close date passed (plus `close_grace`) with no contact since it, and a probability
    /// unchanged for `stale_after`. Keys name the close date or the last change, so an update
    /// ends the notice and a new problem gets a new key.
    package func notices(_ snapshot: Snapshot, today: LocalDate, resolver: RecipientResolver) -> [Notice] {
        var notices: [Notice] = []
        for c in snapshot.customers where Self.isOpen(c, in: snapshot, includeLeads: rule.includeLeads) {
            if let close = c.closeDate, close.adding(days: rule.closeGrace.wholeDays) < today {
                let last = snapshot.lastContact(of: c.id).map { zone.localDate($0.at) }
                if last.map({ $0 < close }) ?? true {
                    let problem = NoticeFacts.Forecast.Problem.close(date: close, daysPast: close.days(to: today))
                    notices.append(notice(c, "close/\(c.id)/\(close)", problem, resolver, date: nil))
                }
            }
            if let stale = rule.staleAfter, let changed = lastChange(of: c, snapshot),
                changed.days(to: today) > stale.wholeDays
            {
                let problem = NoticeFacts.Forecast.Problem.stale(since: changed, days: changed.days(to: today))
                notices.append(notice(c, "stale/\(c.id)/\(changed)", problem, resolver, date: changed))
            }
        }
        return notices
    }

    private func notice(
        _ c: Customer, _ key: String, _ problem: NoticeFacts.Forecast.Problem, _ resolver: RecipientResolver,
        date: LocalDate?
    ) -> Notice {
        let facts = NoticeFacts.forecast(.init(customerName: c.name, problem: problem))
        return Notice(
            key: "forecast/" + key, kind: .forecast, rule: "forecast", rep: c.rep, customer: c.id,
            to: resolver.resolve(rule.notify, rep: c.rep), message: NoticeText.render(.forecast, facts, locale: locale),
            source: c.origin.description, date: date, facts: facts)
    }

    /// The forecast table: per rep and month of close (from the current month, `months`
    /// of them; close dates already past count in the current month), the pipeline, the
    /// weighted amount, the goal and the share of the goal the weighted amount reaches.
    package static func table(rules: Rules, _ snapshot: Snapshot, today: LocalDate) -> ReportTable {
        let l = { (label: ReportText.Label) in ReportText.text(label, rules.locale) }
        let columns = [l(.rep), l(.month), l(.pipeline), l(.weighted), l(.goal), l(.attainment)]
        let months = rules.forecast?.months ?? 3
        let goals = rules.forecast?.goals ?? [:]
        var first = CalendarPeriod(.month, containing: today)
        var periods: [CalendarPeriod] = []
        for _ in 0..<months {
            periods.append(first)
            first = CalendarPeriod(.month, containing: first.end)
        }
        var rows: [[String]] = []
        for rep in ReportBuilder.fieldReps(snapshot) {
            let leads = rules.forecast?.includeLeads ?? false
            let open = snapshot.customers.filter {
                $0.rep == rep.id && isOpen($0, in: snapshot, includeLeads: leads) && $0.closeDate != nil
            }
            for (n, month) in periods.enumerated() {
                let inMonth = open.filter { month.contains($0.closeDate!) || (n == 0 && $0.closeDate! < month.start) }
                let pipeline = inMonth.reduce(Decimal(0)) { $0 + $1.expectedAmount! }
                let weighted = inMonth.reduce(Decimal(0)) { $0 + ReportFormat.weighted($1.expectedAmount!, $1.probability ?? 0) }
                let goal = goals[rep.id]
                rows.append([
                    rep.name, month.description, ReportFormat.money(pipeline), ReportFormat.money(weighted),
                    goal.map(ReportFormat.money) ?? "", goal.map { ReportFormat.percent(weighted, of: $0) } ?? "",
                ])
            }
        }
        return ReportTable(id: "forecast", title: l(.forecastTitle), columns: columns, rows: rows, notes: [l(.noteForecast)])
    }
}
