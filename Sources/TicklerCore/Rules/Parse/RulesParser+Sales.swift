internal import Foundation

/// `sales: { goals: { month: { R01: 150000 }, quarter: { R01: 450000 } }, reward: { points: 20 } }`
extension RulesReader {
    mutating func readSales(_ node: YAMLNode) -> SalesRule? {
        guard let m = r.mapping(node, in: "'sales'", allowed: ["goals", "reward"]) else { return nil }
        var goals: [Period: [String: Decimal]] = [:]
        if let goalsNode = r.required(m, "goals", example: "{ month: { R01: 150000 }, quarter: { R01: 450000 } }"),
            let gm = r.mapping(goalsNode, in: "'goals'", allowed: ["month", "quarter"])
        {
            for entry in gm.entries {
                guard let kind = Period(rawValue: entry.key),
                    let reps = r.mapping(entry.value, in: "the \(entry.key) goals", allowed: Self.anyKey(entry.value))
                else { continue }
                var byRep: [String: Decimal] = [:]
                for goal in reps.entries {
                    guard RulesReader.isIdentifier(goal.key) else {
                        r.error(goal.keyLocation, "'\(NodeReader.clip(goal.key))' is not a rep id; write e.g. R01: 150000")
                        continue
                    }
                    repReferences.append(RepReference(id: goal.key, location: goal.keyLocation, use: .goal))
                    if let amount = r.money(goal.value, "the \(entry.key) goal of \(goal.key)", in: 0...1_000_000_000_000) {
                        byRep[goal.key] = amount
                    }
                }
                goals[kind] = byRep
            }
            if gm.entries.isEmpty {
                r.error(gm.location, "'goals' is empty; give e.g. 'month: { R01: 150000 }' or 'quarter: { R01: 450000 }'")
            }
        }
        let reward = m.value("reward").flatMap { readReward($0) }
        return SalesRule(goals: goals, reward: reward, location: node.location)
    }
}
