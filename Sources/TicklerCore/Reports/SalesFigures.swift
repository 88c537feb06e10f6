package import Foundation

/// What each rep sold in a period: the `amount` of contacts dated in it (as of the snapshot),
/// a contact with `shared_with` credited half to its rep and half to the other (seed 003's
/// 业绩分半, issue 17 item 6).
package enum SalesFigures {
    /// The credit each rep gets from one contact: the whole amount, or half each when shared.
    package static func credits(of contact: Contact) -> [(rep: String, amount: Decimal)] {
        guard let amount = contact.amount, amount != 0 else { return [] }
        if let other = contact.sharedWith, other != contact.rep {
            let half = amount / 2
            return [(contact.rep, half), (other, half)]
        }
        return [(contact.rep, amount)]
    }

    /// Sales per rep in `period` (local dates of the rules' zone).
    package static func sold(_ snapshot: Snapshot, in period: CalendarPeriod, zone: Zone) -> [String: Decimal] {
        let start = zone.instant(period.start)
        let end = zone.instant(period.end)
        var sold: [String: Decimal] = [:]
        for contact in snapshot.contacts where contact.at >= start && contact.at < end {
            for credit in credits(of: contact) { sold[credit.rep, default: 0] += credit.amount }
        }
        return sold
    }

    /// The same period a year earlier (`2025-11` for `2026-11`, `2025-Q4` for `2026-Q4`).
    package static func yearEarlier(_ period: CalendarPeriod) -> CalendarPeriod {
        let start = period.start
        let day = min(start.day, LocalDate.daysIn(month: start.month, year: start.year - 1))
        let earlier = LocalDate(year: start.year - 1, month: start.month, day: day) ?? start
        return CalendarPeriod(period.kind, containing: earlier)
    }

    /// The sales table of a report: per field rep, sales in the period, the goal for the
    /// period (a month's or a quarter's, where the rules set one), attainment, the same
    /// period a year earlier and the change; a total row.
    package static func table(rules: Rules, _ snapshot: Snapshot, period: CalendarPeriod) -> ReportTable {
        let locale = rules.locale
        let now = sold(snapshot, in: period, zone: rules.zone)
        let before = sold(snapshot, in: yearEarlier(period), zone: rules.zone)
        var rows: [[String]] = []
        var totals: (sold: Decimal, goal: Decimal, before: Decimal) = (0, 0, 0)
        var anyGoal = false
        for rep in ReportBuilder.fieldReps(snapshot) {
            let amount = now[rep.id] ?? 0
            let previous = before[rep.id] ?? 0
            let goal = rules.sales?.goal(rep.id, period.kind)
            if let goal {
                totals.goal += goal
                anyGoal = true
            }
            totals.sold += amount
            totals.before += previous
            rows.append([
                rep.name, ReportFormat.money(amount), goal.map(ReportFormat.money) ?? "",
                goal.map { ReportFormat.percent(amount, of: $0) } ?? "", ReportFormat.money(previous),
                change(amount, from: previous),
            ])
        }
        rows.append([
            ReportText.text(.total, locale), ReportFormat.money(totals.sold), anyGoal ? ReportFormat.money(totals.goal) : "",
            anyGoal ? ReportFormat.percent(totals.sold, of: totals.goal) : "", ReportFormat.money(totals.before),
            change(totals.sold, from: totals.before),
        ])
        let t = { (label: SalesReportText.Label) in SalesReportText.text(label, locale) }
        return ReportTable(
            id: "sales", title: t(.title), columns: [ReportText.text(.rep, locale), t(.sold), t(.goal), t(.attainment), t(.yearEarlier), t(.change)],
            rows: rows, notes: [t(.note)])
    }

    /// "+12%", "-5%", or empty when there is nothing to compare with.
    static func change(_ amount: Decimal, from previous: Decimal) -> String {
        guard previous > 0 else { return "" }
        let percent = Int((NSDecimalNumber(decimal: (amount - previous) / previous).doubleValue * 100).rounded())
        return percent > 0 ? "+\(percent)%" : "\(percent)%"
    }
}
