internal import Foundation

/// What `period_contacts()`, `period_opportunities()` and `period_closes()` count: a rep's
/// activity within the alert's period (`every: week` or `every: month`, issue 17 item 5).
package enum PeriodCount: Sendable, Hashable {
    /// Contacts in the period; with an outcome, only those whose `outcome` is that word
    /// (ignoring upper/lower case).
    case contacts(outcome: String?)
    /// Unique customers contacted in the period, dead leads left out (seed 002's "oportunidades únicas").
    case opportunities
    /// Unique customers with a contact whose outcome is `won` in the period.
    case closes
}

/// Each rep's contacts up to the evaluation time, sorted by time, with what the period
/// counts need; built once per evaluation when an alert uses them.
package struct PeriodActivityIndex: Sendable {
    struct Entry: Sendable {
        var at: Double
        var customer: String
        var outcome: String?
        var dead: Bool
    }

    private var byRep: [String: [Entry]] = [:]

    init(snapshot: Snapshot, limit: Double) {
        for contact in snapshot.contacts where contact.at.timeIntervalSince1970 <= limit {
            let entry = Entry(
                at: contact.at.timeIntervalSince1970, customer: contact.customer, outcome: contact.outcome?.lowercased(),
                dead: snapshot.customer(contact.customer)?.status == .dead)
            byRep[contact.rep, default: []].append(entry)
        }
        for key in byRep.keys { byRep[key]!.sort { $0.at < $1.at } }
    }

    /// The count of `what` for `rep` in `[from, to)` (seconds since 1970).
    func count(_ what: PeriodCount, rep: String, from: Double, to: Double) -> Int {
        let entries = byRep[rep] ?? []
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].at < from { low = mid + 1 } else { high = mid }
        }
        var contacts = 0
        var customers: Set<String> = []
        var index = low
        while index < entries.count, entries[index].at < to {
            let entry = entries[index]
            index += 1
            switch what {
            case .contacts(let outcome):
                if outcome.map({ entry.outcome == $0.lowercased() }) ?? true { contacts += 1 }
            case .opportunities:
                if !entry.dead { customers.insert(entry.customer) }
            case .closes:
                if entry.outcome == "won" { customers.insert(entry.customer) }
            }
        }
        if case .contacts = what { return contacts }
        return customers.count
    }
}
