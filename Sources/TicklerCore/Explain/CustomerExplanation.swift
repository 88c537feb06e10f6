extension Explainer {
    /// Lines explaining one customer, or `nil` when the id is not in the store.
    package func customer(_ id: String) -> [String]? {
        guard let customer = snapshot.customer(id) else { return nil }
        var lines = [
            "Customer \(customer.id) \(customer.name) (class \(customer.class), status \(customer.status?.rawValue ?? "not set"))"
                + " at \(customer.origin)",
            "  rep \(repLabel(customer.rep))",
            "Follow-up at \(time(now)) \(rules.zone.identifier):",
        ]
        if let followup = rules.followup {
            lines += followupLines(customer, followup)
        } else {
            lines.append("  the rules have no followup section")
        }
        let mine = notices { $0.customer == customer.id }
        if rules.conflicts != nil {
            lines.append("Registration conflicts:")
            lines += Self.noticeLines(mine.filter { $0.kind == .conflict }, none: "none: no other rep registered the same phone, name or household first")
        }
        let others = mine.filter { ![.dueSoon, .overdue, .scheduled, .conflict].contains($0.kind) }
        if !others.isEmpty {
            lines.append("Other notices about this customer:")
            lines += Self.noticeLines(others, none: "")
        }
        return lines
    }

    private func followupLines(_ customer: Customer, _ rule: FollowupRule) -> [String] {
        let evaluator = FollowupEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone)
        let last = snapshot.lastContact(of: customer.id)
        var lines: [String] = []
        if let last {
            lines.append("  last contact \(time(last.at)) (\(last.method?.rawValue ?? "method not given"), \(last.origin))")
        } else {
            lines.append("  no contact recorded")
        }
        switch evaluator.status(of: customer, lastContact: last?.at, today: today) {
        case .failure(.noCadence(let cls, let status)):
            lines.append("  no cadence for class \(cls)" + (status.map { " or status \($0.rawValue)" } ?? "") + ": never due")
            return lines
        case .failure(.noBasis):
            lines.append("  no contact, no registered_at and no next_contact: no due date can be computed")
            return lines
        case .success(let status):
            lines += statusLines(status, customer, evaluator)
        }
        let followups = notices { $0.customer == customer.id && [.dueSoon, .overdue, .scheduled].contains($0.kind) }
        lines += Self.noticeLines(followups, none: "no follow-up notice")
        return lines
    }

    private func statusLines(_ status: FollowupStatus, _ customer: Customer, _ evaluator: FollowupEvaluator) -> [String] {
        var lines = ["  cadence \(status.cadence) (\(status.cadenceSource), \(rules.followup!.location))"]
        switch status.basis {
        case .lastContact(let date): lines.append("  cadence date = last contact \(date) + \(status.cadence) = \(status.cadenceDue)")
        case .registered(let date): lines.append("  cadence date = registered \(date) + \(status.cadence) = \(status.cadenceDue)")
        case .nextContact(let date): lines.append("  next_contact \(date) comes before the cadence date \(status.cadenceDue): due then (scheduled)")
        case .agreed(let date, let limit):
            if let limit, limit < date {
                lines.append("  next_contact \(date) agreed, later than the cadence date \(status.cadenceDue): postponed as far as at_most allows, \(limit)")
            } else {
                lines.append("  next_contact \(date) agreed, later than the cadence date \(status.cadenceDue): postponed to it (scheduled)")
            }
        }
        if let moved = status.movedFrom {
            lines.append("  \(moved) (\(moved.weekday.rawValue)) is not a working day: moved to \(status.due)")
        }
        if let next = customer.nextContact, !status.isScheduled, !status.isAgreed {
            lines.append("  next_contact \(next) is not used: it is not before the due date, or a contact on or after it fulfilled it")
        }
        lines.append("  due \(status.due); reminders from \(evaluator.remindFrom(status.due)) (remind_before \(rules.followup!.remindBefore))")
        switch status.state {
        case .notDue(let from): lines.append("  today \(today): not due yet; reminders start \(from)")
        case .dueSoon: lines.append("  today \(today): due \(status.due == today ? "today" : "soon")")
        case .overdue(let days, let level):
            lines.append("  today \(today): \(days) day\(days == 1 ? "" : "s") past due")
            for (index, step) in evaluator.ladder.enumerated() {
                let start = evaluator.stepStart(step, due: status.due)
                let mark = index == level ? "applies" : (today >= start ? "reached" : "not reached")
                lines.append(
                    "    step \(index) after \(step.after): from \(start), \(mark); notify \(recipients(step.notify))"
                        + penalty(step.penalty) + " (\(step.location))")
            }
        }
        return lines
    }
}
