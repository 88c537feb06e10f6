import Foundation

/// Registration conflicts: the same customer registered by two reps. The first registration
/// wins (by `registered_at`, then by the order of the store); the manager of the later
/// registration's rep is told, naming the first.
package struct ConflictEvaluator: Sendable {
    package var rule: ConflictRule
    package var locale: NoticeLocale
    package var zone: Zone

    package init(rule: ConflictRule, locale: NoticeLocale, zone: Zone) {
        self.rule = rule
        self.locale = locale
        self.zone = zone
    }

    /// The comparable form of a phone number: its last nine digits (so `+86 138 0013 8003`
    /// and `13800138003` match), or `nil` when it has fewer than six digits.
    package static func phoneKey(_ phone: String) -> String? {
        let digits = phone.unicodeScalars.filter { $0.properties.numericType == .decimal && $0.isASCII }
        guard digits.count >= 6 else { return nil }
        return String(String.UnicodeScalarView(digits.suffix(9)))
    }

    /// The comparable form of a full name: case-folded, spaces collapsed.
    package static func nameKey(_ name: String) -> String? {
        let words = name.lowercased().split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    package func notices(_ snapshot: Snapshot, resolver: RecipientResolver) -> [Notice] {
        // Registration order: registered_at (unknown last), then store order.
        let order = snapshot.customers.indices.sorted { a, b in
            let x = snapshot.customers[a].registeredAt ?? .distantFuture
            let y = snapshot.customers[b].registeredAt ?? .distantFuture
            return x != y ? x < y : a < b
        }
        var first: [String: Int] = [:]
        var notices: [Notice] = []
        var reported = Set<String>()
        for index in order {
            let customer = snapshot.customers[index]
            for match in rule.match {
                guard let value = key(match, customer) else { continue }
                let slot = match.rawValue + ":" + value
                guard let winnerIndex = first[slot] else {
                    first[slot] = index
                    continue
                }
                let holder = snapshot.customers[winnerIndex]
                let policy = rule.registration
                if claimLapsed(holder, before: customer, snapshot) {
                    // 老客户: the original rep's claim has run out; the new registration stands.
                    first[slot] = index
                    continue
                }
                if policy.completeWins, !policy.isComplete(holder), policy.isComplete(customer) {
                    first[slot] = index
                    if holder.rep != customer.rep, reported.insert(holder.id + "/" + customer.id).inserted {
                        notices.append(notice(holder, customer, match, resolver, completeWins: true))
                    }
                    continue
                }
                let winner = holder
                guard winner.rep != customer.rep, reported.insert(customer.id + "/" + winner.id).inserted else { continue }
                notices.append(notice(customer, winner, match, resolver))
            }
        }
        return notices
    }

    private func key(_ match: ConflictRule.Match, _ customer: Customer) -> String? {
        switch match {
        case .phone: customer.phone.flatMap(Self.phoneKey)
        case .name: Self.nameKey(customer.name)
        case .household: customer.household.flatMap(Self.nameKey)
        }
    }

    /// Whether the holder's claim ran out (`keep_for` past its last contact or registration)
    /// before `later` was registered.
    private func claimLapsed(_ holder: Customer, before later: Customer, _ snapshot: Snapshot) -> Bool {
        guard let keep = rule.registration.keepFor, let registered = later.registeredAt else { return false }
        let last = [holder.registeredAt, snapshot.lastContact(of: holder.id)?.at].compactMap { $0 }.max()
        guard let last else { return false }
        return zone.localDate(last).adding(days: keep.wholeDays) < zone.localDate(registered)
    }

    private func notice(
        _ later: Customer, _ winner: Customer, _ match: ConflictRule.Match, _ resolver: RecipientResolver,
        completeWins: Bool = false
    ) -> Notice {
        let winnerRep = resolver.snapshot.rep(winner.rep)?.name ?? winner.rep
        let registered = winner.registeredAt.map(zone.localDate)
        var conflict = NoticeFacts.Conflict(
            customerName: later.name, repName: resolver.snapshot.rep(later.rep)?.name ?? later.rep,
            field: match.rawValue,
            winner: "\(winner.id) \(winner.name), \(winnerRep)" + (registered.map { ", \($0)" } ?? ""),
            earlier: .init(id: winner.id, name: winner.name, repName: winnerRep, registered: registered))
        conflict.completeWins = completeWins
        let facts = NoticeFacts.conflict(conflict)
        return Notice(
            key: "conflict/\(later.id)/\(winner.id)/\(match.rawValue)", kind: .conflict, rule: "conflicts",
            rep: later.rep, customer: later.id, to: resolver.resolve(rule.notify, rep: later.rep),
            message: NoticeText.render(.conflict, facts, locale: locale), source: later.origin.description, facts: facts)
    }
}
