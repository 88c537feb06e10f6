package import Foundation

/// Computes a scheduled report from the rules, the store and a time. Pure, like the evaluator.
///
/// Definitions (docs/reports.md):
/// - a *field rep* is a rep with a manager (every rep when nobody has one);
/// - a *new customer* was registered in the period;
/// - an *effective visit* is a `visit` contact that raised the customer's `progress` over
///   their previous contact, or that records an `outcome`;
/// - a contact is *with a new prospect* when the customer's `registered_at` falls in the
///   period (or, with the report's `new_within`, at most that long before the contact); a
///   customer without `registered_at` is an existing one;
/// - a *unique opportunity* is a customer (not dead) the rep contacted in the period, once;
/// - a customer is *closed* when the rep recorded a contact with `outcome: won` in the period.
package struct ReportBuilder: Sendable {
    package var rules: Rules

    package init(rules: Rules) {
        self.rules = rules
    }

    /// The period a report covers when it is due at `now`, and the moment it was due: the last
    /// complete period before the latest scheduled day (Monday 09:00 weekly: last week).
    package func occurrence(of rule: ReportRule, at now: Date) -> (period: CalendarPeriod, due: Date) {
        let day = rule.schedule.latest(onOrBefore: rules.zone.localDate(now), at: rules.zone.timeOfDay(now))
        return (CalendarPeriod(rule.period, containing: day.adding(days: -1)), rules.zone.instant(day, rule.schedule.time))
    }

    /// The report `rule` as due at `now`, made from the store as of the moment it was due (so
    /// it reads the same whenever it is made).
    package func report(_ rule: ReportRule, _ store: Snapshot, at now: Date) -> Report {
        let (period, due) = occurrence(of: rule, at: now)
        let snapshot = store.asOf(due, zone: rules.zone)
        let locale = rules.locale
        let title =
            rule.tables == [.progress]
            ? ReportText.progressTitle(rule.period, locale)
            : rule.tables.count == 1 ? Self.title(rule.tables[0], locale) : rule.name
        let context = ReportContext(rules: rules, snapshot: snapshot, period: period, due: due, newWithin: rule.newWithin)
        let tables = rule.tables.map { context.table($0) }
        let heading = ReportText.heading(title, period: period, locale, today: rules.zone.localDate(now))
        return Report(name: rule.name, title: heading, period: period, tables: tables)
    }

    static func title(_ table: ReportRule.Table, _ locale: NoticeLocale) -> String {
        let label: ReportText.Label
        switch table {
        case .progress: label = .progressTitle
        case .numbers: label = .numbersTitle
        case .forecast: label = .forecastTitle
        case .keyCustomers: label = .keyCustomersTitle
        case .pool: label = .poolTitle
        case .sources: return SourceReportText.text(.title, locale)
        case .sales: return SalesReportText.text(.title, locale)
        }
        return ReportText.text(label, locale)
    }

    /// The reps a report has one row for.
    package static func fieldReps(_ snapshot: Snapshot) -> [Rep] {
        let managed = snapshot.reps.filter { $0.manager != nil }
        return (managed.isEmpty ? snapshot.reps : managed).sorted { $0.id < $1.id }
    }
}

/// The figures of one report occurrence; one method per table.
struct ReportContext {
    var rules: Rules
    var snapshot: Snapshot
    var period: CalendarPeriod
    var due: Date
    /// The report's `new_within` (``ReportRule/newWithin``).
    var newWithin: RuleDuration?
    /// The period as instants: local midnight of its first day, and of the day after its last.
    private let start: Date
    private let end: Date
    /// Indices into `snapshot.contacts` of the period's contacts, by rep, in store order.
    private let contactsByRep: [String: [Int]]
    private var locale: NoticeLocale { rules.locale }

    init(rules: Rules, snapshot: Snapshot, period: CalendarPeriod, due: Date, newWithin: RuleDuration? = nil) {
        self.newWithin = newWithin
        self.rules = rules
        self.snapshot = snapshot
        self.period = period
        self.due = due
        let start = rules.zone.instant(period.start)
        let end = rules.zone.instant(period.end)
        var byRep: [String: [Int]] = [:]
        for (i, c) in snapshot.contacts.enumerated() where c.at >= start && c.at < end {
            byRep[c.rep, default: []].append(i)
        }
        self.start = start
        self.end = end
        self.contactsByRep = byRep
    }

    private func label(_ l: ReportText.Label) -> String { ReportText.text(l, locale) }
    private func inPeriod(_ date: Date) -> Bool { date >= start && date < end }

    /// The contact with the same customer just before contact `i` in time, if any.
    private func previousContact(_ i: Int) -> Contact? {
        let contact = snapshot.contacts[i]
        var previous: Contact?
        for j in snapshot.contactIndices(of: contact.customer) where j != i {
            let other = snapshot.contacts[j]
            if other.at < contact.at || (other.at == contact.at && j < i), previous.map({ other.at >= $0.at }) ?? true {
                previous = other
            }
        }
        return previous
    }

    func table(_ kind: ReportRule.Table) -> ReportTable {
        switch kind {
        case .progress: progress()
        case .numbers: numbers()
        case .forecast: ForecastEvaluator.table(rules: rules, snapshot, today: rules.zone.localDate(due))
        case .keyCustomers: CareEvaluator.keyCustomersTable(snapshot, locale: locale)
        case .pool: poolTable()
        case .sources: LeadSourceTable.table(rules: rules, snapshot, period: period)
        case .sales: SalesFigures.table(rules: rules, snapshot, period: period)
        }
    }

    private func progress() -> ReportTable {
        var used: Set<ContactMethod> = []
        for indices in contactsByRep.values { for i in indices { used.insert(snapshot.contacts[i].method ?? .other) } }
        let columns = ReportMethodColumns(rules: rules, used: used)
        let methods = columns.methods
        let evaluator = Evaluator(rules: rules)
        let resolver = RecipientResolver(snapshot: snapshot)
        let charges = evaluator.eventNotices(
            snapshot, since: rules.zone.instant(period.start), now: rules.zone.instant(period.end).addingTimeInterval(-1),
            resolver: resolver)
        let overdue = rules.followup.map { evaluator.followupNotices($0, snapshot, now: due, resolver: resolver) } ?? []
        var rows: [[String]] = []
        var totals = Array(repeating: Decimal(0), count: 5 + methods.count)
        for rep in ReportBuilder.fieldReps(snapshot) {
            let newCustomers = snapshot.customers.filter { $0.rep == rep.id && $0.registeredAt.map(inPeriod) == true }.count
            var byMethod = Array(repeating: 0, count: methods.count)
            var visits = 0
            var effective = 0
            var count = 0
            for i in contactsByRep[rep.id] ?? [] {
                let c = snapshot.contacts[i]
                count += 1
                byMethod[columns.column(of: c.method)] += 1
                guard c.method == .visit else { continue }
                visits += 1
                let raised = c.progress.map { $0 > (previousContact(i)?.progress ?? 0) } ?? false
                if raised || !(c.outcome ?? "").isEmpty { effective += 1 }
            }
            let mine = charges.filter { $0.rep == rep.id }
            let fines = mine.reduce(Decimal(0)) { $0 + ($1.fine ?? 0) }
            let points = mine.reduce(0) { $0 + ($1.points ?? 0) }
            let late = overdue.filter { $0.rep == rep.id && $0.kind == .overdue }.count
            rows.append(
                [rep.name, "\(newCustomers)", "\(count)"] + byMethod.map(String.init)
                    + [ReportFormat.percent(effective, of: visits), ReportFormat.money(fines), "\(points)", "\(late)"])
            let values = [Decimal(newCustomers), Decimal(count)] + byMethod.map { Decimal($0) } + [fines, Decimal(points), Decimal(late)]
            for (n, v) in values.enumerated() { totals[n] += v }
        }
        let t = totals.map(ReportFormat.money)
        rows.append([label(.total), t[0], t[1]] + t[2..<(2 + methods.count)] + ["", t[2 + methods.count], t[3 + methods.count], t[4 + methods.count]])
        let headings = [label(.rep), label(.newCustomers), label(.followups)] + columns.labels(rules, locale)
            + [label(.effectiveVisitRate), label(.fines), label(.points), label(.overdue)]
        return ReportTable(id: "progress", title: ReportText.progressTitle(period.kind, locale), columns: headings, rows: rows, notes: [label(.noteEffectiveVisit)])
    }

    /// Whether `contact` is with a new prospect: registered in the period, or within
    /// `new_within` before the contact.
    private func isWithNewProspect(_ contact: Contact) -> Bool {
        guard let registered = snapshot.customer(contact.customer)?.registeredAt else { return false }
        guard let window = newWithin else { return inPeriod(registered) }
        let from = rules.zone.localDate(contact.at).adding(days: -window.wholeDays)
        return registered <= contact.at && rules.zone.localDate(registered) >= from
    }

    private func numbers() -> ReportTable {
        var rows: [[String]] = []
        var sums = [0, 0, 0, 0, 0]
        for rep in ReportBuilder.fieldReps(snapshot) {
            var contacts = 0
            var new = 0
            var opportunities: Set<String> = []
            var closed: Set<String> = []
            for c in (contactsByRep[rep.id] ?? []).map({ snapshot.contacts[$0] }) {
                contacts += 1
                if isWithNewProspect(c) { new += 1 }
                if snapshot.customer(c.customer)?.status != .dead { opportunities.insert(c.customer) }
                if c.outcome?.lowercased() == "won" { closed.insert(c.customer) }
            }
            let row = [contacts, new, contacts - new, opportunities.count, closed.count]
            for n in row.indices { sums[n] += row[n] }
            rows.append([rep.name] + row.map(String.init) + ratios(closed.count, opportunities.count, contacts))
        }
        rows.append([label(.total)] + sums.map(String.init) + ratios(sums[4], sums[3], sums[0]))
        let columns = [
            label(.rep), label(.contacts), label(.newProspectContacts), label(.existingContacts),
            label(.uniqueOpportunities), label(.closed), label(.closeRatioOpportunity), label(.closeRatioContact),
        ]
        return ReportTable(
            id: "numbers", title: label(.numbersTitle), columns: columns, rows: rows,
            notes: [ReportText.newProspectNote(within: newWithin?.wholeDays, locale), label(.noteOpportunity), label(.noteClosed)])
    }

    private func ratios(_ closed: Int, _ opportunities: Int, _ contacts: Int) -> [String] {
        [ReportFormat.percent(closed, of: opportunities), ReportFormat.percent(closed, of: contacts)]
    }

    private func poolTable() -> ReportTable {
        let columns = [label(.customer), label(.rep), label(.customerClass), label(.lastContact), label(.reclaimDate), label(.daysLeft)]
        guard let pool = rules.pool else { return ReportTable(id: "pool", title: label(.poolTitle), columns: columns, rows: []) }
        let evaluator = PoolEvaluator(rule: pool, calendar: rules.calendar, zone: rules.zone, locale: locale)
        let rows = evaluator.entries(snapshot, at: due)
            .filter { $0.daysLeft <= pool.warnBefore.wholeDays }
            .map { e in
                [e.customer.name, snapshot.rep(e.customer.rep)?.name ?? e.customer.rep, e.customer.class, e.since.description,
                 e.reclaimDate.description, "\(max(e.daysLeft, 0))"]  // reclaimed: no days left, not a negative count
            }
        return ReportTable(id: "pool", title: label(.poolTitle), columns: columns, rows: rows)
    }
}
