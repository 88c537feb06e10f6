import Foundation
import Testing
import TicklerCore

/// Issue 16's property: across random ticks (appends, rewrites, reps changed, time moving on,
/// by minutes or days, and back), ``IncrementalEvaluator`` gives exactly what a full
/// evaluation of the same store at the same time gives.
@Suite struct IncrementalPropertyTests {
    typealias Seeded = SeededGenerator

    /// The store's collections, changed step by step.
    struct Store {
        var reps: [Rep]
        var customers: [Customer]
        var contacts: [Contact]
        var rest: Snapshot

        var snapshot: Snapshot {
            Snapshot(
                reps: reps, customers: customers, contacts: contacts, attendance: rest.attendance,
                events: rest.events, reports: rest.reports)
        }
    }

    /// One random change to the store, or none (only the time moves): `false` then.
    static func change(_ store: inout Store, _ g: inout Seeded, zone: Zone, now: Date) -> Bool {
        func instant() -> Date { now.addingTimeInterval(Double(Int.random(in: -40 * 24...2 * 24, using: &g)) * 3600) }
        switch Int.random(in: 0..<8, using: &g) {
        case 0, 1:  // appended contacts, some dated later than now
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                guard let customer = store.customers.randomElement(using: &g) else { break }
                store.contacts.append(
                    Contact(customer: customer.id, rep: customer.rep, at: instant(), method: .phone, progress: 50))
            }
        case 2:  // a customer rewritten: status, class, agreed date
            guard !store.customers.isEmpty else { break }
            let i = Int.random(in: store.customers.indices, using: &g)
            store.customers[i].status = CustomerStatus.allCases.randomElement(using: &g)
            store.customers[i].class = ["A", "B", "C"].randomElement(using: &g)!
            store.customers[i].nextContact =
                Bool.random(using: &g) ? zone.localDate(now).adding(days: Int.random(in: -5...20, using: &g)) : nil
        case 3:  // contacts rewritten: some removed
            if !store.contacts.isEmpty {
                store.contacts.remove(at: Int.random(in: store.contacts.indices, using: &g))
            }
        case 4:  // a customer added, or one removed
            if Bool.random(using: &g), let last = store.customers.last {
                store.customers.removeLast()
                store.contacts.removeAll { $0.customer == last.id }
            } else {
                let id = "N\(Int.random(in: 0..<1000, using: &g))"
                store.customers.append(
                    Customer(
                        id: id, name: "New \(id)", rep: ["R01", "R02", "R03"].randomElement(using: &g)!,
                        class: ["A", "B", "C"].randomElement(using: &g)!, registeredAt: instant()))
            }
        case 5:  // the reps rewritten: a manager changes
            store.reps[Int.random(in: 0..<2, using: &g)].manager = Bool.random(using: &g) ? "M01" : "R03"
        default:
            return false
        }
        return true
    }

    @Test("incremental evaluation equals a full one after random appends, rewrites, times (120 stores, 12 ticks)")
    func incrementalEqualsFull() throws {
        var rules = try RulesParser.parse(try RulesFixtures.officeRules(), file: "office.yaml")
        rules.quotas[0].remindAt = TimeOfDay(hour: 15, minute: 0)
        let full = Evaluator(rules: rules)
        var reused = 0
        for seed in UInt64(1)...120 {
            var g = Seeded(state: seed)
            let initial = AsOfPropertyTests.store(&g, zone: rules.zone)
            var store = Store(reps: initial.reps, customers: initial.customers, contacts: initial.contacts, rest: initial)
            var incremental = IncrementalEvaluator(rules: rules)
            var now = rules.zone.instant(
                Build.date("2026-10-01").adding(days: Int.random(in: 0..<85, using: &g)),
                TimeOfDay(minutes: Int.random(in: 0..<1440, using: &g)))
            // The same snapshot value while the store does not change, as the store follower
            // gives it (the kept reports are known by it).
            var snapshot = store.snapshot
            for step in 0..<12 {
                if step > 0 {
                    if Self.change(&store, &g, zone: rules.zone, now: now) { snapshot = store.snapshot }
                    let minutes = [1, 30, 600, 1440, 3 * 1440, -1440, -5].randomElement(using: &g)!
                    now = now.addingTimeInterval(Double(minutes) * 60)
                }
                let expected = full.evaluate(snapshot, at: now)
                let got = incremental.evaluate(snapshot, at: now)
                #expect(got.notices == expected.notices, "seed \(seed), step \(step)")
                #expect(got.ledger == expected.ledger, "seed \(seed), step \(step)")
                #expect(got.reports == expected.reports, "seed \(seed), step \(step)")
                if got.notices != expected.notices { return }
                reused += max(0, snapshot.asOf(now, zone: rules.zone).customers.count - incremental.recomputed)
            }
        }
        // The property is about reuse: most customers were taken from the kept results.
        #expect(reused > 0)
    }

    @Test("an unchanged store at a later minute of the same day computes no customer again")
    func unchangedTickReusesEveryCustomer() throws {
        let rules = try RulesParser.parse(try RulesFixtures.officeRules(), file: "office.yaml")
        var g = Seeded(state: 7)
        let snapshot = AsOfPropertyTests.store(&g, zone: rules.zone)
        let now = rules.zone.instant(Build.date("2026-11-20"), TimeOfDay(minutes: 600))
        var incremental = IncrementalEvaluator(rules: rules)
        _ = incremental.evaluate(snapshot, at: now)
        #expect(incremental.recomputed == snapshot.asOf(now, zone: rules.zone).customers.count)
        let later = incremental.evaluate(snapshot, at: now.addingTimeInterval(60))
        #expect(incremental.recomputed == 0)
        #expect(later.notices == Evaluator(rules: rules).evaluate(snapshot, at: now.addingTimeInterval(60)).notices)
    }
}
