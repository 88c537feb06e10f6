internal import Foundation

/// `reward: { points: 10, bonus: 200 }` on a quota, an alert or a sales goal.
extension RulesReader {
    mutating func readReward(_ node: YAMLNode) -> Reward? {
        guard let m = r.mapping(node, in: "'reward'", allowed: ["points", "bonus"]) else { return nil }
        let points = m.value("points").flatMap { r.int($0, "'points'", in: 0...1_000_000) }
        let bonus = m.value("bonus").flatMap { r.money($0, "'bonus'", in: 0...1_000_000_000) }
        let reward = Reward(points: points ?? 0, bonus: bonus ?? 0)
        if reward.points == 0 && reward.bonus == 0 && r.isClean {
            r.error(m.location, "'reward' gives nothing; add 'points', 'bonus' or both, e.g. { points: 10, bonus: 200 }")
            return nil
        }
        return reward
    }
}
