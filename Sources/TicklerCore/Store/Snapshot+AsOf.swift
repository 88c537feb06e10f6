package import Foundation

extension Snapshot {
    /// The store as it stood at `now`: contacts, events, attendance, filed plans and reports,
    /// approvals and customer registrations dated after `now` do not exist yet (see
    /// ``RecordDating``). Every evaluator works on this view, so evaluating at `t` gives the
    /// same notices whether or not later records are in the store.
    ///
    /// Costs nothing when no record is dated after `now` (``RecordHorizon``); otherwise one
    /// pass over the records and the indexes built again, remembered (``AsOfMemo``) until a
    /// left-out record's time comes.
    package func asOf(_ now: Date, zone: Zone) -> Snapshot {
        if horizon.isPast(now, zone: zone) { return self }
        let wall = RecordDating.wallMinute(now, zone: zone)
        if let cut = memo.cut(at: now, wall: wall, zone: zone) { return cut }
        var span = CutSpan()
        let customers = customers.filter { customer in
            guard let registered = customer.registeredAt else { return true }
            span.see(registered, now: now)
            return registered <= now
        }
        let reports = reports.compactMap { filing -> ReportFiling? in
            if let approved = filing.approvedAt { span.see(approved, now: now) }
            let filed = RecordDating.filed(filing)
            if let instant = filed.instant {
                span.see(instant, now: now)
                guard instant <= now else { return nil }
            } else {
                span.see(wall: filed.wallMinute, now: wall)
                guard filed.wallMinute <= wall else { return nil }
            }
            var kept = filing
            if let approved = filing.approvedAt, approved > now {
                kept.approvedAt = nil
                kept.approvedBy = nil
            }
            return kept
        }
        let contacts = contacts.filter { contact in
            span.see(contact.at, now: now)
            return contact.at <= now
        }
        let attendance = attendance.filter { record in
            let minute = RecordDating.wallMinute(of: record)
            span.see(wall: minute, now: wall)
            return minute <= wall
        }
        let events = events.filter { event in
            span.see(event.at, now: now)
            return event.at <= now
        }
        let cut = Snapshot(
            reps: reps, customers: customers, contacts: contacts, attendance: attendance, events: events, reports: reports)
        memo.remember(cut, span: span, zone: zone)
        return cut
    }
}
