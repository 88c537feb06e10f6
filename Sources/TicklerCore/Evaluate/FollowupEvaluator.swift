package import Foundation

/// Follow-up due dates by class and status cadence, `next_contact` (earlier, or agreed
/// later where the rule allows), `due_soon` and the
/// overdue escalation ladder (SPEC section 4, "Follow-up due date").
package struct FollowupEvaluator: Sendable {
    package var rule: FollowupRule
    package var calendar: BusinessCalendar
    package var zone: Zone

    package init(rule: FollowupRule, calendar: BusinessCalendar, zone: Zone) {
        self.rule = rule
        self.calendar = calendar
        self.zone = zone
    }

    /// Why a customer has no follow-up date, for `explain`.
    package enum NoDueDate: Sendable, Hashable, Error {
        case noCadence(class: String, status: CustomerStatus?)
        case noBasis
    }

    /// The customer's follow-up status on `today`.
    package func status(
        of customer: Customer, lastContact: Date?, today: LocalDate
    ) -> Result<FollowupStatus, NoDueDate> {
        let cadence: RuleDuration
        let cadenceSource: String
        if let status = customer.status, let byStatus = rule.statusCadence[status] {
            cadence = byStatus
            cadenceSource = "status \(status.rawValue)"
        } else if let byClass = rule.cadence[customer.class] {
            cadence = byClass
            cadenceSource = "class \(customer.class)"
        } else {
            return .failure(.noCadence(class: customer.class, status: customer.status))
        }

        let baseInstant: Date
        let lastContactDate = lastContact.map(zone.localDate)
        var basis: FollowupStatus.Basis
        if let lastContact, let date = lastContactDate {
            baseInstant = lastContact
            basis = .lastContact(date)
        } else if let registered = customer.registeredAt {
            baseInstant = registered
            basis = .registered(zone.localDate(registered))
        } else if let next = customer.nextContact {
            return .success(finish(customer, cadence, cadenceSource, .nextContact(next), next, nil, next, today))
        } else {
            return .failure(.noBasis)
        }

        let cadenceDue: LocalDate
        if cadence.isCalendarUnit {
            cadenceDue = calendar.adding(cadence, to: zone.localDate(baseInstant))
        } else {
            cadenceDue = zone.localDate(baseInstant.addingTimeInterval(Double(cadence.approximateSeconds)))
        }
        var due = cadenceDue
        var movedFrom: LocalDate?
        if !calendar.isWorkday(due) {
            movedFrom = due
            due = calendar.adding(businessDays: 1, to: due)
        }
        // A next_contact promise counts until a contact on or after that day fulfils it.
        if let next = customer.nextContact, next < due, lastContactDate.map({ next > $0 }) ?? true {
            basis = .nextContact(next)
            due = next
            movedFrom = nil
        } else if let next = customer.nextContact, next > due, lastContactDate.map({ next > $0 }) ?? true,
            rule.agreedDate.postpone
        {
            // A later date agreed with the customer postpones, within the office's limit.
            let limit = rule.agreedDate.atMost.map { calendar.adding($0, to: due) }
            basis = .agreed(next, limit: limit)
            due = limit.map { min(next, $0) } ?? next
            movedFrom = nil
        }
        return .success(finish(customer, cadence, cadenceSource, basis, cadenceDue, movedFrom, due, today))
    }

    private func finish(
        _ customer: Customer, _ cadence: RuleDuration, _ source: String, _ basis: FollowupStatus.Basis,
        _ cadenceDue: LocalDate, _ movedFrom: LocalDate?, _ due: LocalDate, _ today: LocalDate
    ) -> FollowupStatus {
        FollowupStatus(
            customer: customer.id, cadence: cadence, cadenceSource: source, basis: basis, cadenceDue: cadenceDue,
            movedFrom: movedFrom, due: due, state: state(due: due, today: today))
    }

    /// The first day of reminders for a due date.
    package func remindFrom(_ due: LocalDate) -> LocalDate {
        let before = rule.remindBefore
        if before.unit == .businessDays {
            var day = due
            var remaining = before.amount
            while remaining > 0 {
                day = day.adding(days: -1)
                if calendar.isWorkday(day) { remaining -= 1 }
            }
            return day
        }
        return due.adding(days: -before.wholeDays)
    }

    private func state(due: LocalDate, today: LocalDate) -> FollowupStatus.State {
        if today <= due {
            let from = remindFrom(due)
            return today >= from ? .dueSoon : .notDue(remindFrom: from)
        }
        return .overdue(days: due.days(to: today), level: level(due: due, today: today))
    }

    /// The deepest ladder step reached `today` for a due date, or `nil` before the first.
    package func level(due: LocalDate, today: LocalDate) -> Int? {
        var reached: Int?
        for (index, step) in ladder.enumerated() where today > due && today >= stepStart(step, due: due) {
            reached = index
        }
        return reached
    }

    /// The first day a step applies: `after` whole (business) days past the due date, and
    /// never the due date itself, which is still in time.
    package func stepStart(_ step: EscalationLadder.Step, due: LocalDate) -> LocalDate {
        let start = calendar.adding(step.after, to: due)
        return start > due ? start : due.adding(days: 1)
    }

    /// The steps in force: a ladder with no steps notifies the rep from the first day late.
    package var ladder: [EscalationLadder.Step] {
        if !rule.overdue.steps.isEmpty { return rule.overdue.steps }
        return [EscalationLadder.Step(after: RuleDuration(0, .days), notify: [.rep], location: rule.location)]
    }
}
