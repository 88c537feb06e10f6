package import Foundation

/// The evaluator across ticks: the same ``Evaluation`` as ``Evaluator/evaluate(_:at:since:ledger:)``,
/// with the per-customer follow-up notices reused where nothing they depend on changed.
///
/// A customer's follow-up notice is a pure function of the rules, the customer's record, the
/// time of its last contact (as of the evaluation time), the reps (for the recipients) and
/// the local day. Each customer's result is kept with those inputs and with the day its
/// status next changes (``Entry/validUntil``: the first reminder day of a customer not yet
/// due, the day after the due date of one due soon, the next day for one overdue, whose
/// count of days late moves daily). An evaluation computes a customer again only when its
/// record or its last contact differs from the kept ones (an append, a rewrite, a record
/// coming into view as time passes), when its day has come, or when the day went back;
/// any change of the reps starts from scratch. A rules reload makes a new value. The report
/// notices (and their tables, the costliest part of a tick with every section on) are made
/// again only when the store, the day or a report's occurrence changes (``KeptReports``).
///
/// Pure, like ``Evaluator``: state in, state out, time an argument; the property test
/// (`IncrementalPropertyTests`) checks it against a full evaluation. The sections over reps
/// and the office (attendance, events, quotas, alerts, conflicts, process notices, rewards,
/// scores) are still evaluated in full at every call.
package struct IncrementalEvaluator: Sendable {
    package let rules: Rules
    /// The kept follow-up result of each customer id.
    private var entries: [String: Entry] = [:]
    /// The reps the entries' recipients were resolved with.
    private var reps: [Rep]?
    /// The report notices and reports of the last evaluation, and what they were made from.
    private var reports: KeptReports?
    /// Customers whose follow-up was computed (not reused) by the last evaluation.
    package private(set) var recomputed = 0

    /// One customer's follow-up result and what it was computed from.
    struct Entry: Sendable {
        var customer: Customer
        var lastContact: Date?
        /// The local day it was computed for.
        var computedOn: LocalDate
        /// The first day the result no longer holds; `nil`: it holds while the inputs do.
        var validUntil: LocalDate?
        var notice: Notice?

        func holds(for customer: Customer, lastContact: Date?, today: LocalDate) -> Bool {
            computedOn <= today && (validUntil.map { today < $0 } ?? true) && self.lastContact == lastContact
                && self.customer == customer
        }
    }

    package init(rules: Rules) {
        self.rules = rules
    }

    /// What ``Evaluator/evaluate(_:at:since:ledger:)`` returns for the same arguments.
    package mutating func evaluate(
        _ store: Snapshot, at now: Date, since: Date? = nil, ledger prior: [LedgerEntry] = []
    ) -> Evaluation {
        // Moved out (not copied) while they change: a kept copy would make each tick copy them all.
        var entries = self.entries
        self.entries = [:]
        var reps = self.reps
        var recomputed = 0
        var keptReports = reports
        let (rules, previous) = (rules, reports)
        let evaluation = Evaluator(rules: rules).evaluate(store, at: now, since: since, ledger: prior) {
            rule, snapshot, resolver in
            if reps != snapshot.reps {
                entries.removeAll(keepingCapacity: true)
                reps = snapshot.reps
            }
            let notices = Self.followup(
                rule, rules: rules, snapshot, today: rules.zone.localDate(now), resolver: resolver,
                entries: &entries, recomputed: &recomputed)
            // Customers gone from the store: their entries go once they are a good share.
            if entries.count > snapshot.customers.count + snapshot.customers.count / 4 + 64 {
                entries = entries.filter { snapshot.customersByID[$0.key] != nil }
            }
            return notices
        } reports: { snapshot in
            let made = KeptReports(rules: rules, snapshot, at: now)
            if let kept = previous, kept.holds(for: made) { return kept.reports }
            let reports = ReportEvaluator(rules: rules).evaluate(snapshot, at: now)
            keptReports = KeptReports(made, reports: reports)
            return reports
        }
        self.reports = keptReports
        self.entries = entries
        self.reps = reps
        self.recomputed = recomputed
        return evaluation
    }

    /// The follow-up notices of every customer, in store order, reusing the entries that hold.
    private static func followup(
        _ rule: FollowupRule, rules: Rules, _ snapshot: Snapshot, today: LocalDate, resolver: RecipientResolver,
        entries: inout [String: Entry], recomputed: inout Int
    ) -> [Notice] {
        let evaluator = Evaluator(rules: rules)
        let followup = FollowupEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone)
        var notices: [Notice] = []
        for customer in snapshot.customers {
            let last = snapshot.lastContact(of: customer.id)?.at
            if let entry = entries[customer.id], entry.holds(for: customer, lastContact: last, today: today) {
                if let notice = entry.notice { notices.append(notice) }
                continue
            }
            recomputed += 1
            var entry = Entry(customer: customer, lastContact: last, computedOn: today, validUntil: nil, notice: nil)
            if case .success(let status) = followup.status(of: customer, lastContact: last, today: today) {
                entry.notice = evaluator.notice(for: status, customer, followup, resolver)
                switch status.state {
                case .notDue(let remindFrom): entry.validUntil = remindFrom
                case .dueSoon: entry.validUntil = status.due.adding(days: 1)
                case .overdue: entry.validUntil = today.adding(days: 1)
                }
            }
            if let notice = entry.notice { notices.append(notice) }
            entries[customer.id] = entry
        }
        return notices
    }
}
