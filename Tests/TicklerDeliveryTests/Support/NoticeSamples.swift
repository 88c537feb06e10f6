import Foundation
import TicklerCore

/// Facts of every kind of notice, in each of its variants, with names a reader of the locale
/// would see (Chinese names for Chinese readers). The switch over ``NoticeKind`` has no
/// `default`: a kind added later does not compile here until it has samples.
enum NoticeSamples {
    struct Names {
        var customer, rep, other, approver, event, note, winner, festival, rule: String
    }

    static func names(_ locale: NoticeLocale) -> Names {
        switch locale {
        case .zhHans:
            Names(customer: "王芳贸易", rep: "李娜", other: "张伟", approver: "陈主管", event: "迎宾迟到", note: "停止接待一周", winner: "C9 王芳",
                festival: "公司周年庆", rule: "拜访之星")
        case .zhHant:
            Names(customer: "王芳貿易", rep: "李娜", other: "張偉", approver: "陳主管", event: "迎賓遲到", note: "停止接待一週", winner: "C9 王芳",
                festival: "公司週年慶", rule: "拜訪之星")
        case .en, .es, .hu:
            Names(customer: "Lucía Pérez", rep: "Kovács Péter", other: "Nagy Anna", approver: "Szabó Éva", event: "X7", note: "Q9", winner: "C9 Lucía",
                festival: "Z5", rule: "K3")
        }
    }

    static let day = LocalDate(parsing: "2026-11-24")!

    /// Every variant of the facts of `kind` for a reader of `locale`; `nil` for an alert,
    /// whose text is the manager's template (see ``alertDefault(_:)``).
    static func facts(_ kind: NoticeKind, _ locale: NoticeLocale) -> [NoticeFacts]? {
        let n = names(locale)
        let charge = Penalty(fine: 20, points: 5)
        switch kind {
        case .dueSoon, .scheduled:
            return [.followup(.init(customerName: n.customer, customerClass: "A", due: day))]
        case .overdue:
            return [
                .followup(.init(customerName: n.customer, customerClass: "B", due: day, daysOverdue: 1)),
                .followup(.init(customerName: n.customer, customerClass: "A", due: day, daysOverdue: 9, penalty: charge)),
            ]
        case .late:
            return [.attendance(.init(repName: n.rep, date: day, minutesLate: 15, penalty: charge))]
        case .absent:
            return [
                .attendance(.init(repName: n.rep, date: day, penalty: Penalty(fine: 100))),
                .attendance(.init(repName: n.rep, date: day, minutesLate: 130, penalty: Penalty(points: 1))),
            ]
        case .penalty:
            return [
                .violation(.init(repName: n.rep, event: n.event, date: day, penalty: Penalty(fine: 10))),
                .violation(.init(repName: n.rep, event: n.event, date: day, count: 3, penalty: charge, note: n.note)),
            ]
        case .scoreLow:
            return ["2026-W47", "2026-11", "2026-Q4", "2025-W52"].map {
                .score(.init(repName: n.rep, period: $0, points: 42, warnBelow: 60))
            }
        case .quotaShort:
            return [("2026-W47", 1, true), ("2026-11", 5, false), ("2026-Q4", 1, false), ("2026-W47", 12, true)].map {
                .quota(.init(repName: n.rep, period: $0.0, made: 0, required: $0.1, open: $0.2))
            }
        case .conflict:
            let earlier = NoticeFacts.Conflict.Earlier(id: "C1", name: n.customer, repName: n.other, registered: day)
            var complete = NoticeFacts.Conflict(
                customerName: n.customer, repName: n.rep, field: "phone", winner: n.winner, earlier: earlier)
            complete.completeWins = true
            return ["phone", "name", "household"].map {
                .conflict(.init(customerName: n.customer, repName: n.rep, field: $0, winner: n.winner))
            } + [.conflict(complete)] + [
                .conflict(.init(customerName: n.customer, repName: n.rep, field: "phone", winner: n.winner, earlier: earlier)),
                .conflict(
                    .init(
                        customerName: n.customer, repName: n.rep, field: "name", winner: n.winner,
                        earlier: .init(id: "C1", name: n.customer, repName: n.other, registered: nil))),
            ]
        case .alert:
            return nil
        case .report:
            return [.report(.init(title: ReportText.text(.progressTitle, locale), contacts: 12, newCustomers: 1))]
        case .compliance:
            return [
                .compliance(.init(form: .plan, repName: n.rep, date: day, minutesLate: 30)),
                .compliance(.init(form: .daily, repName: n.rep, date: day, minutesLate: 5, penalty: charge)),
                .compliance(.init(form: .approval, repName: n.rep, approverName: n.approver, date: day, minutesLate: 60)),
                .compliance(.init(form: .approval, repName: n.rep, date: day, minutesLate: 60)),
            ]
        case .forecast:
            return [
                .forecast(.init(customerName: n.customer, problem: .close(date: day, daysPast: 3))),
                .forecast(.init(customerName: n.customer, problem: .stale(since: day, days: 1))),
                .forecast(.init(customerName: n.customer, problem: .stale(since: LocalDate(parsing: "2025-12-30")!, days: 40))),
            ]
        case .reclaim:
            return [
                .reclaim(.init(customerName: n.customer, customerClass: "C", reclaimDate: day, daysLeft: 3)),
                .reclaim(.init(customerName: n.customer, customerClass: "C", reclaimDate: day, daysLeft: 0)),
            ]
        case .care:
            return [
                .care(.init(customerName: n.customer, occasion: .birthday(date: day, inDays: 3))),
                .care(.init(customerName: n.customer, occasion: .anniversary(date: day, inDays: 3, years: 1))),
                .care(.init(customerName: n.customer, occasion: .anniversary(date: day, inDays: 3, years: 31))),
                .care(.init(customerName: n.customer, occasion: .churn(last: day, gap: 30, usual: 1))),
                .care(.init(customerName: n.customer, occasion: .churn(last: day, gap: 30, usual: 7))),
                .care(.init(occasion: .festival(name: "spring_festival", date: day, inDays: 10, keyCustomers: 1))),
                .care(.init(occasion: .festival(name: "mid_autumn", date: day, inDays: 10, keyCustomers: 4))),
                .care(.init(occasion: .festival(name: "dragon_boat", date: day, inDays: 10, keyCustomers: 1))),
                .care(.init(occasion: .festival(name: "dragon_boat", date: day, inDays: 10, keyCustomers: 3))),
                {
                    var own = NoticeFacts.Care(occasion: .festival(name: "company_day", date: day, inDays: 5, keyCustomers: 2))
                    own.festivalLabel = LocalizedLabel(texts: [locale: n.festival], fallback: n.festival)
                    return .care(own)
                }(),
            ]
        case .reward:
            return ["2026-W47", "2026-11", "2026-Q4", "2025-12"].flatMap { period in
                [
                    NoticeFacts.reward(
                        .init(repName: n.rep, reason: .quota(name: n.rule, made: 12, required: 10), period: period, points: 5, bonus: 0)),
                    .reward(.init(repName: n.rep, reason: .alert(name: n.rule), period: period, points: 0, bonus: 200)),
                    .reward(
                        .init(
                            repName: n.rep, reason: .goal(name: n.rule, actual: "120000", goal: "100000"), period: period,
                            points: 10, bonus: 500)),
                ]
            }
        }
    }

    /// The strings of `locale`'s samples that come from the store, not from Tickler's texts.
    static func factStrings(_ locale: NoticeLocale) -> [String] {
        let n = names(locale)
        let classes = locale == .zhHans || locale == .zhHant ? ["A", "B", "C", "C1"] : []
        return [n.customer, n.rep, n.other, n.approver, n.event, n.note, n.winner, n.festival, n.rule] + classes
    }

    /// A notice of `kind` made from `facts`, its message written in `written`.
    static func notice(_ kind: NoticeKind, _ facts: NoticeFacts, written: NoticeLocale, index: Int) -> Notice {
        Notice(
            key: "\(kind.rawValue)/sample/\(index)", kind: kind, rule: kind.rawValue, rep: "R1", customer: facts.customerName == nil ? nil : "C1",
            to: ["R1"], level: kind == .overdue ? 1 : nil, fine: facts.penalty?.fine, points: facts.penalty?.points,
            message: NoticeText.render(kind, facts, locale: written), facts: facts)
    }
}
