import Foundation
import Testing
import TicklerCore

/// Issue 13's property: for random stores and times, evaluating at `t` gives the same
/// notices (and charges) whether or not records dated after `t` are in the store.
@Suite struct AsOfPropertyTests {
    typealias Seeded = SeededGenerator

    static let reps = [
        Rep(id: "R01", name: "Wang", manager: "M01"), Rep(id: "R02", name: "Li", manager: "M01"),
        Rep(id: "R03", name: "Zhao"), Rep(id: "M01", name: "Zhang"),
    ]

    /// A random store over October-December 2026 in the rules' zone.
    static func store(_ g: inout Seeded, zone: Zone) -> Snapshot {
        let first = Build.date("2026-10-01")
        func day() -> LocalDate { first.adding(days: Int.random(in: 0..<80, using: &g)) }
        func time() -> TimeOfDay { TimeOfDay(minutes: Int.random(in: 7 * 60..<21 * 60, using: &g)) }
        func instant() -> Date { zone.instant(day(), time()) }
        let repIDs = reps.map(\.id)
        let customers = (0..<Int.random(in: 2...8, using: &g)).map { i in
            Customer(
                id: "C\(i)", name: "Customer \(i % 3)", rep: repIDs.randomElement(using: &g)!,
                class: ["A", "B", "C"].randomElement(using: &g)!,
                status: CustomerStatus.allCases.randomElement(using: &g), phone: Bool.random(using: &g) ? "555-\(i % 2)" : nil,
                registeredAt: Bool.random(using: &g) ? instant() : nil,
                nextContact: Int.random(in: 0..<4, using: &g) == 0 ? day() : nil,
                birthday: Bool.random(using: &g) ? day().adding(days: -365 * 30) : nil,
                expectedAmount: Bool.random(using: &g) ? Decimal(Int.random(in: 1...100, using: &g) * 1000) : nil,
                closeDate: Bool.random(using: &g) ? day() : nil, probability: 50)
        }
        let contacts = (0..<Int.random(in: 0...30, using: &g)).map { _ in
            Contact(
                customer: customers.randomElement(using: &g)!.id, rep: repIDs.randomElement(using: &g)!, at: instant(),
                method: ContactMethod.allCases.randomElement(using: &g), progress: Int.random(in: 0...4, using: &g) * 25,
                outcome: Int.random(in: 0..<5, using: &g) == 0 ? "won" : nil)
        }
        let attendance = (0..<Int.random(in: 0...12, using: &g)).map { _ in
            AttendanceRecord(
                rep: repIDs.randomElement(using: &g)!, date: day(),
                checkIn: Bool.random(using: &g) ? TimeOfDay(minutes: Int.random(in: 8 * 60..<10 * 60, using: &g)) : nil,
                absent: Int.random(in: 0..<4, using: &g) == 0, excused: Int.random(in: 0..<6, using: &g) == 0)
        }
        let events = (0..<Int.random(in: 0...10, using: &g)).map { _ in
            EventRecord(
                rep: repIDs.randomElement(using: &g)!, at: instant(),
                event: ["reception_no_show", "late_greeting", "floor_quarrel"].randomElement(using: &g)!)
        }
        let reports = (0..<Int.random(in: 0...8, using: &g)).map { _ in
            let date = day()
            let filed = zone.instant(date, TimeOfDay(minutes: Int.random(in: 7 * 60..<21 * 60, using: &g)))
            return ReportFiling(
                rep: ["R01", "R02"].randomElement(using: &g)!, date: date,
                kind: Bool.random(using: &g) ? .plan : .daily, filedAt: Bool.random(using: &g) ? filed : nil,
                approvedAt: Bool.random(using: &g) ? filed.addingTimeInterval(Double(Int.random(in: 1...30, using: &g)) * 3600) : nil)
        }
        return Snapshot(
            reps: reps, customers: customers, contacts: contacts, attendance: attendance, events: events, reports: reports)
    }

    /// The store without anything dated after `t`, written out here from the documented
    /// definitions (docs/rules-format.md, "Evaluation as of --at"), not with `asOf`.
    static func withoutLater(_ s: Snapshot, _ t: Date, zone: Zone) -> Snapshot {
        Snapshot(
            reps: s.reps, customers: s.customers.filter { ($0.registeredAt ?? t) <= t },
            contacts: s.contacts.filter { $0.at <= t },
            attendance: s.attendance.filter { zone.instant($0.date, $0.checkIn ?? TimeOfDay(minutes: 0)) <= t },
            events: s.events.filter { $0.at <= t },
            reports: s.reports.compactMap { r in
                guard (r.filedAt ?? zone.instant(r.date)) <= t else { return nil }
                var kept = r
                if (r.approvedAt ?? t) > t { (kept.approvedAt, kept.approvedBy) = (nil, nil) }
                return kept
            })
    }

    @Test("evaluating at t ignores every record dated after t (150 random stores, 4 times each)")
    func laterRecordsChangeNothing() throws {
        var rules = try RulesParser.parse(try RulesFixtures.officeRules(), file: "office.yaml")
        rules.quotas[0].remindAt = TimeOfDay(hour: 15, minute: 0)
        let evaluator = Evaluator(rules: rules)
        for seed in UInt64(1)...150 {
            var g = Seeded(state: seed)
            let store = Self.store(&g, zone: rules.zone)
            let t = rules.zone.instant(
                Build.date("2026-10-01").adding(days: Int.random(in: 0..<85, using: &g)),
                TimeOfDay(minutes: Int.random(in: 0..<1440, using: &g)))
            // A few times per store, some an hour apart: the same store value is cut again
            // (the remembered cuts of AsOfMemo must give what a fresh cut gives).
            let hour = Double(Int.random(in: 1...48, using: &g)) * 3600
            for time in [t, t.addingTimeInterval(hour), t.addingTimeInterval(hour / 2), t] {
                let full = evaluator.evaluate(store, at: time)
                let past = evaluator.evaluate(Self.withoutLater(store, time, zone: rules.zone), at: time)
                #expect(full.notices == past.notices, "seed \(seed)")
                #expect(full.ledger == past.ledger, "seed \(seed)")
                if full.notices != past.notices { return }
            }
        }
    }
}
