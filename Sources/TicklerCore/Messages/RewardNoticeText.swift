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
            body = pick(
                d.locale, "\(rep) met the quota \(name) \(during): \(made) of \(required).",
                "\(rep) cumplió la cuota \(name) \(during): \(made) de \(required).",
                "\(rep) \(during) teljesítette ezt a kvótát: \(name) (\(made) / \(required)).",
                "\(rep) 已完成\(label)的指标 \(name)：\(made)（要求 \(required)）。",
                "\(rep) 已完成\(label)的指標 \(name)：\(made)（要求 \(required)）。")
        case .alert(let name):
            body = pick(
                d.locale, "\(rep) earned the reward \(name) \(during).", "\(rep) ganó la recompensa \(name) \(during).",
                "\(rep) \(during) elnyerte ezt a jutalmat: \(name).", "\(rep) 获得\(label)的奖励 \(name)。",
                "\(rep) 獲得\(label)的獎勵 \(name)。")
        case .goal(let name, let actual, let goal):
            body = pick(
                d.locale, "\(rep) reached the goal \(name) \(during): \(actual) of \(goal).",
                "\(rep) alcanzó el objetivo \(name) \(during): \(actual) de \(goal).",
                "\(rep) \(during) elérte ezt a célt: \(name) (\(actual) / \(goal)).",
                "\(rep) 已达成\(label)的目标 \(name)：\(actual)（目标 \(goal)）。",
                "\(rep) 已達成\(label)的目標 \(name)：\(actual)（目標 \(goal)）。")
        }
        return body + given(f.points, f.bonus, d.locale)
    }

    /// " Reward: +10 points, bonus 200."
    private static func given(_ points: Int, _ bonus: Decimal, _ l: NoticeLocale) -> String {
        var parts: [String] = []
        if points != 0 {
            parts.append(pick(l, "+\(points) points", "+\(points) puntos", "+\(points) pont", "加 \(points) 分", "加 \(points) 分"))
        }
        if bonus != 0 {
            parts.append(pick(l, "bonus \(bonus)", "bono de \(bonus)", "\(bonus) prémium", "奖金 \(bonus) 元", "獎金 \(bonus) 元"))
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
        pick(l, "Rewards", "Recompensas", "Jutalmak", "奖励", "獎勵")
    }

    private static func pick(_ l: NoticeLocale, _ en: String, _ es: String, _ hu: String, _ hans: String, _ hant: String)
        -> String
    {
        switch l {
        case .en: en
        case .es: es
        case .hu: hu
        case .zhHans: hans
        case .zhHant: hant
        }
    }
}
