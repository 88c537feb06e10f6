package import Foundation

/// The `report` notices: one per scheduled report and period, due at its scheduled time,
/// with the computed ``Report`` alongside so delivery can put the table in a mail and
/// attach the CSV.
package struct ReportEvaluator: Sendable {
    package var rules: Rules

    package init(rules: Rules) {
        self.rules = rules
    }

    /// Each report's latest occurrence at `now`, keyed `report/NAME/PERIOD`.
    package func evaluate(_ snapshot: Snapshot, at now: Date) -> [(Notice, Report)] {
        let builder = ReportBuilder(rules: rules)
        return rules.reports.map { rule in
            let report = builder.report(rule, snapshot, at: now)
            let due = builder.occurrence(of: rule, at: now).due
            let start = rules.zone.instant(report.period.start)
            let end = rules.zone.instant(report.period.end)
            let facts = NoticeFacts.report(
                .init(
                    title: report.title, contacts: snapshot.contacts.count { $0.at >= start && $0.at < end },
                    newCustomers: snapshot.customers.count { $0.registeredAt.map { $0 >= start && $0 < end } ?? false }))
            let notice = Notice(
                key: "report/\(rule.name)/\(report.period)", kind: .report, rule: "reports.\(rule.name)", rep: "*",
                to: recipients(rule.to, snapshot), message: NoticeText.render(.report, facts, locale: rules.locale),
                date: rules.zone.localDate(due), facts: facts)
            return (notice, report)
        }
    }

    /// The rep ids a report goes to, in order, without duplicates.
    package func recipients(_ audience: [ReportRule.Audience], _ snapshot: Snapshot) -> [String] {
        var ids: [String] = []
        let managers = Set(snapshot.reps.compactMap(\.manager))
        for a in audience {
            let add: [String]
            switch a {
            case .managers: add = snapshot.reps.map(\.id).filter(managers.contains) + managers.sorted().filter { snapshot.rep($0) == nil }
            case .reps: add = snapshot.reps.filter { $0.manager != nil }.map(\.id)
            case .id(let id): add = [id]
            }
            for id in add where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
