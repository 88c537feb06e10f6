package import Foundation

extension Snapshot {
    /// The store as it stood at `now`: contacts, events, attendance, filed plans and reports,
    /// approvals and customer registrations dated after `now` do not exist yet (see
    /// ``RecordDating``). Every evaluator works on this view, so evaluating at `t` gives the
    /// same notices whether or not later records are in the store.
    ///
    /// Costs nothing when no record is dated after `now` (the daemon's usual tick); otherwise
    /// one pass over the records and the indexes built again.
    package func asOf(_ now: Date, zone: Zone) -> Snapshot {
        if horizon.isPast(now, zone: zone) { return self }
        let wall = RecordDating.wallMinute(now, zone: zone)
        let customers = customers.filter { $0.registeredAt.map { $0 <= now } ?? true }
        let reports = reports.compactMap { filing -> ReportFiling? in
            let filed = RecordDating.filed(filing)
            guard filed.instant.map({ $0 <= now }) ?? (filed.wallMinute <= wall) else { return nil }
            var kept = filing
            if let approved = filing.approvedAt, approved > now {
                kept.approvedAt = nil
                kept.approvedBy = nil
            }
            return kept
        }
        return Snapshot(
            reps: reps, customers: customers, contacts: contacts.filter { $0.at <= now },
            attendance: attendance.filter { RecordDating.wallMinute(of: $0) <= wall },
            events: events.filter { $0.at <= now }, reports: reports)
    }
}
