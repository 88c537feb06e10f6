import Foundation
import Testing
import TicklerCore

/// Issue 17 item 1: a call date agreed with the customer (`next_contact` later than the
/// cadence's due date) postpones the follow-up where `followup: next_contact:` allows it.
@Suite struct AgreedDateTests {
    func rules(postpone: Bool, atMost: RuleDuration? = nil) -> Rules {
        var rules = Build.rules()
        rules.followup?.agreedDate = AgreedDatePolicy(postpone: postpone, atMost: atMost)
        return rules
    }

    /// A class A customer contacted 11-10 (cadence date 11-17) who agreed to a call on `next`.
    func followups(_ rules: Rules, next: String, at: String) -> [Notice] {
        let customer = Customer(
            id: "A1", name: "Ferretería Ruiz", rep: "R1", class: "A", status: .prospect, nextContact: Build.date(next))
        let contact = Contact(customer: "A1", rep: "R1", at: Build.at("2026-11-10 10:00"))
        return Evaluator(rules: rules).evaluate(
            Snapshot(reps: Build.reps, customers: [customer], contacts: [contact]), at: Build.at(at)
        ).notices.filter { $0.rule == "followup" }
    }

    @Test("without the option a later next_contact changes nothing: overdue from the cadence date")
    func laterDateIgnoredByDefault() {
        let notices = followups(rules(postpone: false), next: "2026-11-24", at: "2026-11-19 09:00")
        #expect(notices.map(\.kind) == [.overdue])
        #expect(notices.first?.due == Build.date("2026-11-17"))
    }

    @Test("with postpone a later agreed date moves the due date to it: nothing before, scheduled the day before")
    func postponed() {
        let rules = rules(postpone: true)
        #expect(followups(rules, next: "2026-11-24", at: "2026-11-19 09:00").isEmpty)
        let dayBefore = followups(rules, next: "2026-11-24", at: "2026-11-23 09:00")
        #expect(dayBefore.map(\.kind) == [.scheduled])
        #expect(dayBefore.first?.due == Build.date("2026-11-24"))
        let late = followups(rules, next: "2026-11-24", at: "2026-11-26 09:00")
        #expect(late.map(\.kind) == [.overdue])
        #expect(late.first?.key == "overdue/A1/2026-11-24/0")
    }

    @Test("at_most caps the postponement: due at the cadence date plus at_most, as a due_soon")
    func capped() throws {
        let rules = rules(postpone: true, atMost: RuleDuration(5, .days))
        let notices = followups(rules, next: "2026-12-20", at: "2026-11-22 09:00")
        let notice = try #require(notices.first)
        #expect(notice.kind == .dueSoon)
        #expect(notice.due == Build.date("2026-11-22"))
        #expect(followups(rules, next: "2026-11-20", at: "2026-11-19 09:00").map(\.kind) == [.scheduled])
    }

    @Test("an agreed date already fulfilled by a contact on or after it postpones nothing")
    func fulfilledDate() {
        let notices = followups(rules(postpone: true), next: "2026-11-09", at: "2026-11-19 09:00")
        #expect(notices.map(\.kind) == [.overdue])
        #expect(notices.first?.due == Build.date("2026-11-17"))
    }

    @Test("explain says the agreed date postponed the follow-up, or how far at_most let it")
    func explained() throws {
        func text(_ rules: Rules, next: String) throws -> String {
            let customer = Customer(id: "A1", name: "Ferretería Ruiz", rep: "R1", class: "A", nextContact: Build.date(next))
            let snapshot = Snapshot(
                reps: Build.reps, customers: [customer],
                contacts: [Contact(customer: "A1", rep: "R1", at: Build.at("2026-11-10 10:00"))])
            let lines = try #require(Explainer(rules: rules, snapshot: snapshot, now: Build.at("2026-11-19 09:00")).customer("A1"))
            return lines.joined(separator: "\n")
        }
        let postponed = try text(rules(postpone: true), next: "2026-11-24")
        #expect(postponed.contains("next_contact 2026-11-24 agreed, later than the cadence date 2026-11-17: postponed to it (scheduled)"))
        #expect(postponed.contains("due 2026-11-24"))
        let capped = try text(rules(postpone: true, atMost: RuleDuration(5, .days)), next: "2026-12-20")
        #expect(capped.contains("postponed as far as at_most allows, 2026-11-22"))
        #expect(try text(rules(postpone: false), next: "2026-11-24").contains("next_contact 2026-11-24 is not used"))
    }

    @Test("the parser reads next_contact and refuses at_most without postpone, a zero limit and typos")
    func parsing() throws {
        let good = try RulesParser.parse(
            "version: 1\ntimezone: UTC\nfollowup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n"
                + "  next_contact: { postpone: true, at_most: 2w }\n", file: "r.yaml")
        #expect(good.followup?.agreedDate == AgreedDatePolicy(postpone: true, atMost: RuleDuration(2, .weeks)))
        let bad = "version: 1\ntimezone: UTC\nfollowup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n"
            + "  next_contact: { at_most: 14d, postpon: true }\n"
        let error = try #require(throws: DiagnosticsError.self) { try RulesParser.parse(bad, file: "r.yaml") }
        let messages = error.diagnostics.map { "\($0.location.line):\($0.location.column ?? 0): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("5:33: unknown key 'postpon' in 'next_contact'; did you mean 'postpone'?") })
        #expect(messages.contains { $0.hasPrefix("5:28: 'at_most' limits a postponement, but 'postpone' is not true") })
        let zero = "version: 1\ntimezone: UTC\nfollowup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n"
            + "  next_contact: { postpone: true, at_most: 0d }\n"
        let zeroError = try #require(throws: DiagnosticsError.self) { try RulesParser.parse(zero, file: "r.yaml") }
        #expect(zeroError.diagnostics.contains { $0.message.hasPrefix("'at_most' must be more than 0 days") })
    }
}
