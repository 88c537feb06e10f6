import Foundation
import Testing
import TicklerCore

/// Issue 17 item 6: seed 003's registration rules — a complete registration beats an earlier
/// incomplete one, and a returning customer stays the original rep's for a set period.
@Suite struct RegistrationTests {
    static func rules(_ options: String) throws(DiagnosticsError) -> Rules {
        try RulesParser.parse(
            "version: 1\ntimezone: Asia/Shanghai\nlocale: zh-Hans\nconflicts: { match: [phone, name]\(options) }\n", file: "r.yaml")
    }

    static let reps = [Rep(id: "M1", name: "张经理"), Rep(id: "R1", name: "王芳", manager: "M1"), Rep(id: "R2", name: "李强", manager: "M1")]

    static func conflicts(_ rules: Rules, _ customers: [Customer], _ contacts: [Contact] = [], at: String = "2026-11-24 10:00") -> [Notice] {
        Evaluator(rules: rules).evaluate(Snapshot(reps: reps, customers: customers, contacts: contacts), at: Build.at(at))
            .notices.filter { $0.kind == .conflict }
    }

    static let incomplete = Customer(id: "A1", name: "王先生", rep: "R1", class: "A", phone: "13800138003", registeredAt: Build.at("2026-11-01 10:00"))
    static let complete = Customer(id: "A2", name: "王建国", rep: "R2", class: "A", phone: "+86 138 0013 8003", registeredAt: Build.at("2026-11-05 10:00"))

    @Test("with complete_wins a later registration with full name and phone beats an earlier incomplete one")
    func completeWins() throws {
        let notices = Self.conflicts(try Self.rules(", complete_wins: true"), [Self.incomplete, Self.complete])
        #expect(notices.map(\.key) == ["conflict/A1/A2/phone"])
        let notice = try #require(notices.first)
        #expect(notice.rep == "R1" && notice.to == ["M1"])
        #expect(notice.message.contains("以全名登记并电话正确的记录为准"))
        #expect(notice.message(in: .en).contains("the registration with the full name and phone wins"))
    }

    @Test("without complete_wins, or when the earlier one is complete too, the first registration wins")
    func firstWins() throws {
        #expect(Self.conflicts(try Self.rules(""), [Self.incomplete, Self.complete]).map(\.key) == ["conflict/A2/A1/phone"])
        var earlier = Self.incomplete
        earlier.name = "王建军"
        #expect(Self.conflicts(try Self.rules(", complete_wins: true"), [earlier, Self.complete]).map(\.key) == ["conflict/A2/A1/phone"])
        var noPhone = Self.complete
        noPhone.phone = nil
        noPhone.name = "王先生"
        #expect(Self.conflicts(try Self.rules(", complete_wins: true"), [Self.incomplete, noPhone]).map(\.key) == ["conflict/A2/A1/name"])
    }

    @Test("a returning customer stays the original rep's for keep_for after the last contact, then may be taken up")
    func keepFor() throws {
        let rules = try Self.rules(", keep_for: 365d")
        let original = Customer(id: "C1", name: "赵敏", rep: "R1", class: "B", phone: "13911112222", registeredAt: Build.at("2025-01-10 10:00"))
        let visit = Contact(customer: "C1", rep: "R1", at: Build.at("2025-03-01 10:00"))
        var returning = Customer(id: "C2", name: "赵敏", rep: "R2", class: "B", phone: "13911112222", registeredAt: Build.at("2026-02-20 10:00"))
        #expect(Self.conflicts(rules, [original, returning], [visit]).map(\.key) == ["conflict/C2/C1/phone"])
        returning.registeredAt = Build.at("2026-03-05 10:00")
        #expect(Self.conflicts(rules, [original, returning], [visit]).isEmpty)
    }

    @Test("incomplete_names needs complete_wins; keep_for must be more than 0 days")
    func mistakes() {
        for (options, start) in [
            (", incomplete_names: [先生]", "'incomplete_names' only matters with 'complete_wins: true'"),
            (", keep_for: 0d", "'keep_for' must be more than 0 days"),
            (", keep_for: 5bd", "'keep_for' must be counted in days (d), weeks (w)"),
        ] {
            do {
                _ = try Self.rules(options)
                Issue.record("accepted \(options)")
            } catch {
                #expect(error.diagnostics.contains { $0.message.hasPrefix(start) }, "\(error.diagnostics)")
            }
        }
    }
}
