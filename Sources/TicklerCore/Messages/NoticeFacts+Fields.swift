extension NoticeFacts {
    /// The notice's `due` field: the date something must be done by or happens on.
    package var due: LocalDate? {
        switch self {
        case .followup(let f): f.due
        case .forecast(let f):
            if case .close(let date, _) = f.problem { date } else { nil }
        case .reclaim(let f): f.reclaimDate
        case .care(let f):
            switch f.occasion {
            case .birthday(let date, _), .anniversary(let date, _, _), .festival(_, let date, _, _): date
            case .churn: nil
            }
        default: nil
        }
    }

    /// The notice's `days` field: days overdue, days past a close date, days since the last
    /// change or contact, or days until an occasion or a reclaim, as the kind says (a reclaim
    /// that has happened has none).
    package var days: Int? {
        switch self {
        case .followup(let f): f.daysOverdue
        case .forecast(let f):
            switch f.problem {
            case .close(_, let days), .stale(_, let days): days
            }
        case .reclaim(let f): f.daysLeft
        case .care(let f):
            switch f.occasion {
            case .birthday(_, let days), .anniversary(_, let days, _), .festival(_, _, let days, _): days
            case .churn(_, let gap, _): gap
            }
        default: nil
        }
    }

    /// The notice's `minutes` field: minutes late (attendance) or past a deadline (compliance).
    package var minutes: Int? {
        switch self {
        case .attendance(let f): f.minutesLate
        case .compliance(let f): f.minutesLate
        default: nil
        }
    }

    /// The notice's `score` field: the rep's score in the period (score_low).
    package var score: Int? {
        if case .score(let f) = self { f.points } else { nil }
    }

    /// The customer's name, where the notice is about one customer.
    package var customerName: String? {
        switch self {
        case .followup(let f): f.customerName
        case .conflict(let f): f.customerName
        case .forecast(let f): f.customerName
        case .reclaim(let f): f.customerName
        case .care(let f): f.customerName.isEmpty ? nil : f.customerName
        default: nil
        }
    }

    /// The charge the text mentions, if any.
    package var penalty: Penalty? {
        switch self {
        case .followup(let f): f.penalty
        case .attendance(let f): f.penalty
        case .violation(let f): f.penalty
        case .compliance(let f): f.penalty
        default: nil
        }
    }

    /// A short English phrase for `eval`'s table: "in 5d", "12d ago", "3d late", "15 min late".
    package var timing: String? {
        switch self {
        case .followup(let f): f.daysOverdue.map { "\($0)d late" }
        case .attendance(let f): f.minutesLate.map { "\($0) min late" }
        case .compliance(let f): "\(f.minutesLate) min late"
        case .score(let f): "score \(f.points), below \(f.warnBelow)"
        case .forecast(let f):
            switch f.problem {
            case .close(_, let days): "closed \(days)d ago"
            case .stale(_, let days): "unchanged \(days)d"
            }
        case .reclaim(let f): f.daysLeft.map { "in \($0)d" } ?? "reclaimed"
        case .care(let f):
            switch f.occasion {
            case .birthday(_, let days), .anniversary(_, let days, _), .festival(_, _, let days, _): "in \(days)d"
            case .churn(_, let gap, _): "last contact \(gap)d ago"
            }
        default: nil
        }
    }
}
