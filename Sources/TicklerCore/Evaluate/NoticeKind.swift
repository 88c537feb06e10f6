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
        case .dueSoon: 8
        case .scheduled: 9
        }
    }

    package static func < (lhs: NoticeKind, rhs: NoticeKind) -> Bool { lhs.rank < rhs.rank }
}
