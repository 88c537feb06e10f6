import Foundation
import Testing
import TicklerCore

@Suite struct ConflictTests {
    func evaluate(_ customers: [Customer]) -> [Notice] {
        var rules = Build.rules()
        rules.conflicts = ConflictRule(location: Build.here)
        let reps = Build.reps + [Rep(id: "R3", name: "Kovács Péter", manager: "M1")]
        return Evaluator(rules: rules).evaluate(Snapshot(reps: reps, customers: customers), at: Build.at("2026-11-24 10:00"))
            .notices.filter { $0.kind == .conflict }
    }

    func customer(_ id: String, _ name: String, rep: String, phone: String? = nil, at: String, household: String? = nil) -> Customer {
        Customer(id: id, name: name, rep: rep, class: "B", phone: phone, registeredAt: Build.at(at), household: household)
    }

    @Test("the same phone registered by a second rep goes to that rep's manager, naming the first registration")
    func phone() throws {
        let notices = evaluate([
            customer("C2", "陈静", rep: "R3", phone: "138 0013 8003", at: "2026-11-20 10:00"),
            customer("C1", "陈静女士", rep: "R1", phone: "+86 138-0013-8003", at: "2026-11-02 10:00"),
        ])
        let notice = try #require(notices.first)
        #expect(notices.count == 1)
        #expect(notice.key == "conflict/C2/C1/phone")
        #expect(notice.rep == "R3" && notice.to == ["M1"])
        #expect(notice.message.contains("C1") && notice.message.contains("2 November"), "\(notice.message)")
        #expect(notice.message(in: .zhHans).hasSuffix("（C1 陈静女士，Wang Fang 于11月2日登记）。"), "no ASCII comma inside full-width brackets")
    }

    @Test("the same full name ignoring case and spaces, and one household, are conflicts; one rep's own duplicates are not")
    func nameAndHousehold() {
        let notices = evaluate([
            customer("C1", "Ana  García", rep: "R1", at: "2026-11-01 10:00"),
            customer("C2", "ana garcía", rep: "R2", at: "2026-11-03 10:00"),
            customer("C3", "Luis García", rep: "R2", at: "2026-11-04 10:00", household: "garcia-valencia"),
            customer("C4", "Marta Ruiz", rep: "R3", at: "2026-11-05 10:00", household: "garcia-valencia"),
            customer("C5", "Ana García", rep: "R1", at: "2026-11-06 10:00"),
        ])
        #expect(notices.map(\.key).sorted() == ["conflict/C2/C1/name", "conflict/C4/C3/household"])
    }

    @Test("phone keys compare the last nine digits and ignore short numbers", arguments: [
        ("+86 138 0013 8003", "800138003"), ("13800138003", "800138003"), ("+36 1 555 0106", "615550106"), ("12-34", nil),
    ])
    func phoneKey(phone: String, key: String?) {
        #expect(ConflictEvaluator.phoneKey(phone) == key)
    }
}
