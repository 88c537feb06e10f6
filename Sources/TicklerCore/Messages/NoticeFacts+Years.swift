extension NoticeFacts {
    /// The years of the dates and periods the notice's text names (a week counts in its
    /// ISO year): a text names a year only when one of them is not the evaluation's.
    package var textYears: [Int] {
        switch self {
        case .followup(let f): [f.due.year]
        case .attendance(let f): [f.date.year]
        case .violation(let f): [f.date.year]
        case .score(let f): Self.year(of: f.period)
        case .quota(let f): Self.year(of: f.period)
        case .compliance(let f): [f.date.year]
        case .conflict(let f): f.earlier?.registered.map { [$0.year] } ?? []
        case .forecast(let f):
            switch f.problem {
            case .close(let date, _), .stale(let date, _): [date.year]
            }
        case .reclaim(let f): [f.reclaimDate.year]
        case .care(let f):
            switch f.occasion {
            case .birthday(let date, _), .anniversary(let date, _, _), .festival(_, let date, _, _): [date.year]
            case .churn: []
            }
        default: []
        }
    }

    private static func year(of period: String) -> [Int] {
        guard let period = CalendarPeriod(parsing: period) else { return [] }
        return [period.kind == .week ? LocalDateText.isoWeek(period).year : period.start.year]
    }
}
