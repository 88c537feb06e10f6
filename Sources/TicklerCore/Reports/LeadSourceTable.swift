internal import Foundation

/// Seed 000's "fuente del plomo" and seed 002's "de dónde provino el contacto": the right
/// numbers per lead source (`reports: show: [sources]`, issue 17 item 4).
///
/// One row per source (the rules' `lead_sources` in their order, then other sources found,
/// alphabetically, then customers without one): customers registered in the period, contacts
/// in the period, unique opportunities (customers contacted, dead leads left out), closes
/// (customers with a contact whose outcome is `won`), and the close ratio per opportunity
/// and per contact, as in the `numbers` table.
package enum LeadSourceTable {
    package static func table(rules: Rules, _ snapshot: Snapshot, period: CalendarPeriod) -> ReportTable {
        let locale = rules.locale
        let start = rules.zone.instant(period.start)
        let end = rules.zone.instant(period.end)
        var figures: [String?: Figures] = [:]
        for customer in snapshot.customers {
            if let registered = customer.registeredAt, registered >= start, registered < end {
                figures[customer.source, default: Figures()].newCustomers += 1
            }
        }
        for contact in snapshot.contacts where contact.at >= start && contact.at < end {
            let customer = snapshot.customer(contact.customer)
            var f = figures[customer?.source, default: Figures()]
            f.contacts += 1
            if customer?.status != .dead { f.opportunities.insert(contact.customer) }
            if contact.outcome?.lowercased() == "won" { f.closed.insert(contact.customer) }
            figures[customer?.source] = f
        }
        let declared = rules.leadSources?.entries.map(\.name) ?? []
        let others = figures.keys.compactMap { $0 }.filter { !declared.contains($0) }.sorted()
        var order: [String?] = declared.map { Optional($0) } + others.map { Optional($0) }
        if figures[nil] != nil { order.append(nil) }
        var total = Figures()
        var rows: [[String]] = []
        for source in order {
            let f = figures[source] ?? Figures()
            total.add(f)
            let name = source.map { rules.leadSources?.label(of: $0)?.text(locale) ?? $0 }
                ?? SourceReportText.text(.noSource, locale)
            rows.append([name] + f.row)
        }
        rows.append([ReportText.text(.total, locale)] + total.row)
        let l = { (label: ReportText.Label) in ReportText.text(label, locale) }
        let columns = [
            SourceReportText.text(.source, locale), SourceReportText.text(.newCustomers, locale), l(.contacts),
            l(.uniqueOpportunities), l(.closed), l(.closeRatioOpportunity), l(.closeRatioContact),
        ]
        return ReportTable(
            id: "sources", title: SourceReportText.text(.title, locale), columns: columns, rows: rows,
            notes: [SourceReportText.text(.note, locale)])
    }

    /// The figures of one source.
    private struct Figures {
        var newCustomers = 0
        var contacts = 0
        var opportunities: Set<String> = []
        var closed: Set<String> = []
        /// Totals add up the sets' sizes; a customer belongs to one source only.
        var opportunityCount = 0
        var closedCount = 0

        mutating func add(_ other: Figures) {
            newCustomers += other.newCustomers
            contacts += other.contacts
            opportunityCount += other.opportunities.count + other.opportunityCount
            closedCount += other.closed.count + other.closedCount
        }

        var row: [String] {
            let opportunities = self.opportunities.count + opportunityCount
            let closed = self.closed.count + closedCount
            return [
                "\(newCustomers)", "\(contacts)", "\(opportunities)", "\(closed)",
                ReportFormat.percent(closed, of: opportunities), ReportFormat.percent(closed, of: contacts),
            ]
        }
    }
}
