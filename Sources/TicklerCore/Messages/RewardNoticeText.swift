internal import Foundation

/// The texts of `reward` notices (issue 17 item 3) in the five notice languages, and the
/// digest heading of the kind. Periods are written as the other texts write them.
package enum RewardNoticeText {
    package static func text(_ f: NoticeFacts.Reward, _ l: NoticeLocale) -> String {
        let rep = f.repName
        let period = f.period
        let body: String
        switch f.reason {
        case .quota(let name, let made, let required):
            body = pick(
                l, "\(rep) met the quota \(name) in \(period): \(made) of \(required).",
                "\(rep) cumplió la cuota \(name) en \(period): \(made) de \(required).",
                "\(rep) teljesítette a(z) \(name) kvótát (\(period)): \(made) / \(required).",
                "\(rep) 已完成 \(period) 的指标 \(name)：\(made)/\(required)。",
                "\(rep) 已完成 \(period) 的指標 \(name)：\(made)/\(required)。")
        case .alert(let name):
            body = pick(
                l, "\(rep) earned the reward \(name) in \(period).", "\(rep) ganó la recompensa \(name) en \(period).",
                "\(rep) elnyerte a(z) \(name) jutalmat (\(period)).", "\(rep) 获得 \(period) 的奖励 \(name)。",
                "\(rep) 獲得 \(period) 的獎勵 \(name)。")
        case .goal(let name, let actual, let goal):
            body = pick(
                l, "\(rep) reached the goal \(name) in \(period): \(actual) of \(goal).",
                "\(rep) alcanzó el objetivo \(name) en \(period): \(actual) de \(goal).",
                "\(rep) elérte a(z) \(name) célt (\(period)): \(actual) / \(goal).",
                "\(rep) 已达成 \(period) 的目标 \(name)：\(actual)/\(goal)。",
                "\(rep) 已達成 \(period) 的目標 \(name)：\(actual)/\(goal)。")
        }
        return body + given(f.points, f.bonus, l)
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
