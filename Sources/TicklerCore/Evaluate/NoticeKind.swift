/// What a notice is about (SPEC section 5).
package enum NoticeKind: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case dueSoon = "due_soon"
    case overdue
    case scheduled
    case late
    case absent
    case penalty
    case scoreLow = "score_low"
    case quotaShort = "quota_short"
    case conflict
    case alert
    /// A scheduled manager report (a digest table): `report/NAME/PERIOD`.
    case report
    /// A daily visit plan or daily report not filed or not approved in time (seed 004).
    case compliance
    /// A pipeline problem: a close date passed without an update, a probability gone stale.
    case forecast
    /// A customer about to return (or returned) to the shared pool for lack of follow-up.
    case reclaim
    /// Key-customer care: birthdays, anniversaries, festival greetings, churn risk.
    case care
    /// Points and a bonus earned: a quota met, a per-period alert with a reward, a goal reached.
    case reward

    /// Digest order: what needs action first.
    package var rank: Int {
        switch self {
        case .overdue: 0
        case .absent: 1
        case .late: 2
        case .penalty: 3
        case .scoreLow: 4
        case .quotaShort: 5
        case .conflict: 6
        case .alert: 7
        case .compliance: 8
        case .reclaim: 9
        case .forecast: 10
        case .care: 11
        case .dueSoon: 12
        case .scheduled: 13
        case .report: 14
        case .reward: 15
        }
    }

    package static func < (lhs: NoticeKind, rhs: NoticeKind) -> Bool { lhs.rank < rhs.rank }
}
