extension Explainer {
    /// Lines explaining one customer, or `nil` when the id is not in the store. Dates stay
    /// ISO 8601 (the arithmetic reads best that way); the words are in ``locale``.
    package func customer(_ id: String) -> [String]? {
        guard let customer = snapshot.customer(id) else { return nil }
        var lines = [
            t(
                .customerHeader, customer.id, customer.name, customer.class,
                customer.status?.rawValue ?? t(.statusNotSet), customer.origin.description),
            t(.customerRep, repLabel(customer.rep)),
            t(.followupAt, time(now), rules.zone.identifier),
        ]
        if let followup = rules.followup {
            lines += followupLines(customer, followup)
        } else {
            lines.append(t(.noFollowupSection))
        }
        let mine = notices { $0.customer == customer.id }
        if rules.conflicts != nil {
            lines.append(t(.conflictsHeader))
            lines += noticeLines(mine.filter { $0.kind == .conflict }, none: .noConflict)
        }
        let others = mine.filter { ![.dueSoon, .overdue, .scheduled, .conflict].contains($0.kind) }
        if !others.isEmpty {
            lines.append(t(.otherNotices))
            lines += noticeLines(others, none: .noFollowupNotice)
        }
        return lines
    }

    private func followupLines(_ customer: Customer, _ rule: FollowupRule) -> [String] {
        let evaluator = FollowupEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone)
        let last = snapshot.lastContact(of: customer.id)
        var lines: [String] = []
        if let last {
            lines.append(t(.lastContact, time(last.at), last.method?.rawValue ?? t(.methodNotGiven), last.origin.description))
        } else {
            lines.append(t(.noContact))
        }
        switch evaluator.status(of: customer, lastContact: last?.at, today: today) {
        case .failure(.noCadence(let cls, let status)):
            lines.append(status.map { t(.noCadenceOrStatus, cls, $0.rawValue) } ?? t(.noCadence, cls))
            return lines
        case .failure(.noBasis):
            lines.append(t(.noBasis))
            return lines
        case .success(let status):
            lines += statusLines(status, customer, evaluator)
        }
        let followups = notices { $0.customer == customer.id && [.dueSoon, .overdue, .scheduled].contains($0.kind) }
        lines += noticeLines(followups, none: .noFollowupNotice)
        return lines
    }

    private func statusLines(_ status: FollowupStatus, _ customer: Customer, _ evaluator: FollowupEvaluator) -> [String] {
        let cadence = "\(status.cadence)"
        var lines = [t(.cadence, cadence, "\(status.cadenceSource)", "\(rules.followup!.location)")]
        switch status.basis {
        case .lastContact(let date): lines.append(t(.cadenceFromContact, "\(date)", cadence, "\(status.cadenceDue)"))
        case .registered(let date): lines.append(t(.cadenceFromRegistration, "\(date)", cadence, "\(status.cadenceDue)"))
        case .nextContact(let date): lines.append(t(.nextContactFirst, "\(date)", "\(status.cadenceDue)"))
        case .agreed(let date, let limit):
            if let limit, limit < date {
                lines.append(t(.agreedPostponedCapped, "\(date)", "\(status.cadenceDue)", "\(limit)"))
            } else {
                lines.append(t(.agreedPostponed, "\(date)", "\(status.cadenceDue)"))
            }
        }
        if let moved = status.movedFrom {
            lines.append(t(.movedFromHoliday, "\(moved)", moved.weekday.rawValue, "\(status.due)"))
        }
        if let next = customer.nextContact, !status.isScheduled, !status.isAgreed {
            lines.append(t(.nextContactUnused, "\(next)"))
        }
        let remindFrom = "\(evaluator.remindFrom(status.due))"
        lines.append(t(.dueAndReminders, "\(status.due)", remindFrom, "\(rules.followup!.remindBefore)"))
        switch status.state {
        case .notDue(let from): lines.append(t(.notDueYet, "\(today)", "\(from)"))
        case .dueSoon: lines.append(t(status.due == today ? .dueToday : .dueSoon, "\(today)"))
        case .overdue(let days, let level):
            lines.append(t(.pastDue, "\(today)", "\(days)"))
            for (index, step) in evaluator.ladder.enumerated() {
                let start = evaluator.stepStart(step, due: status.due)
                let mark = index == level ? t(.stepApplies) : (today >= start ? t(.stepReached) : t(.stepNotReached))
                lines.append(
                    t(
                        .ladderStep, "\(index)", "\(step.after)", "\(start)", mark, recipients(step.notify),
                        penalty(step.penalty), "\(step.location)"))
            }
        }
        return lines
    }
}
