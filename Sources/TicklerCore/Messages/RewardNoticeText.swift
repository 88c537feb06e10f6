internal import Foundation

/// The texts of `reward` notices (issue 17 item 3) in the five notice languages, and the
/// digest heading of the kind. Periods are written as the other texts write them
/// (``DateWords``: "in week 47", "a 47. héten", "第47周").
package enum RewardNoticeText {
    static func text(_ f: NoticeFacts.Reward, _ d: DateWords) -> String {
        let rep = f.repName
        let during = d.during(f.period)
        let label = d.period(f.period)
        let body: String
        switch f.reason {
        case .quota(let name, let made, let required):
            body = NoticeLocale.pick(
                d.locale, "\(rep) met the quota \(name) \(during): \(made) of \(required).",
                "\(rep) cumplió la cuota \(name) \(during): \(made) de \(required).",
                "\(rep) \(during) teljesítette az előírást (\(name)): \(made) / \(required).",
                "\(rep) \(label)已完成指标「\(name)」：\(made) 次（要求 \(required) 次）。",
                "\(rep) \(label)已完成指標「\(name)」：\(made) 次（要求 \(required) 次）。")
        case .alert(let name):
            body = NoticeLocale.pick(
                d.locale, "\(rep) earned the reward \(name) \(during).", "\(rep) obtuvo la recompensa \(name) \(during).",
                "\(rep) \(during) elnyerte a jutalmat (\(name)).", "\(rep) \(label)获得奖励「\(name)」。",
                "\(rep) \(label)獲得獎勵「\(name)」。")
        case .goal(let name, let actual, let goal):
            let g = goalWords(name, d.locale)
            body = NoticeLocale.pick(
                d.locale, "\(rep) reached \(g) \(during): \(actual) of \(goal).",
                "\(rep) alcanzó \(g) \(during): \(actual) de \(goal).",
                "\(rep) \(during) elérte \(g): \(actual) (cél: \(goal)).",
                "\(rep) \(label)已达成\(g)：\(actual)（目标 \(goal)）。",
                "\(rep) \(label)已達成\(g)：\(actual)（目標 \(goal)）。")
        }
        return body + given(f.points, f.bonus, d.locale)
    }

    /// "the monthly sales goal", "el objetivo de ventas mensual", "a havi értékesítési célt",
    /// "月度销售目标": a goal of the period kind `name` (`month`, `quarter`; docs/glossary.md),
    /// or the goal named `name`.
    private static func goalWords(_ name: String, _ l: NoticeLocale) -> String {
        switch Period(rawValue: name) {
        case .month?:
            return NoticeLocale.pick(l, "the monthly sales goal", "el objetivo de ventas mensual", "a havi értékesítési célt", "月度销售目标", "月度銷售目標")
        case .quarter?:
            return NoticeLocale.pick(
                l, "the quarterly sales goal", "el objetivo de ventas trimestral", "a negyedéves értékesítési célt", "季度销售目标",
                "季度銷售目標")
        default:
            return NoticeLocale.pick(l, "the goal \(name)", "el objetivo \(name)", "a célt (\(name))", "目标「\(name)」", "目標「\(name)」")
        }
    }

    /// " Reward: +10 points, bonus 200."
    private static func given(_ points: Int, _ bonus: Decimal, _ l: NoticeLocale) -> String {
        var parts: [String] = []
        if points != 0 {
            parts.append(NoticeLocale.pick(l, "+\(points) points", "+\(points) puntos", "+\(points) pont", "加 \(points) 分", "加 \(points) 分"))
        }
        if bonus != 0 {
            parts.append(NoticeLocale.pick(l, "bonus \(bonus)", "prima de \(bonus)", "prémium \(bonus)", "奖金 \(bonus) 元", "獎金 \(bonus) 元"))
        }
        guard !parts.isEmpty else { return "" }
        switch l {
        case .zhHans: return "奖励：" + parts.joined(separator: "，") + "。"
        case .zhHant: return "獎勵：" + parts.joined(separator: "，") + "。"
        case .en: return " Reward: " + parts.joined(separator: ", ") + "."
        case .es: return " Recompensa: " + parts.joined(separator: ", ") + "."
        case .hu: return " Jutalom: " + parts.joined(separator: ", ") + "."
        }
    }

    /// The digest heading of `reward` notices.
    package static func heading(_ l: NoticeLocale) -> String {
        NoticeLocale.pick(l, "Rewards", "Recompensas", "Jutalmak", "奖励", "獎勵")
    }
}
