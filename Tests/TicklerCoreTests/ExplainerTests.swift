import Foundation
import Testing
import TicklerCore

@Suite struct ExplainerTests {
    let snapshot = Snapshot(
        reps: Build.reps,
        customers: [Customer(id: "A1", name: "Ferretería López", rep: "R1", class: "A", status: .customer, nextContact: Build.date("2026-11-01"))],
        contacts: [Contact(customer: "A1", rep: "R1", at: Build.at("2026-11-05 16:30"), method: .phone)],
        attendance: [AttendanceRecord(rep: "R1", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: "08:52"))])

    @Test("a customer's explanation shows the dates, the step that applies and the notice")
    func customer() throws {
        let lines = try #require(Explainer(rules: Build.rules(), snapshot: snapshot, now: Build.at("2026-11-24 10:00")).customer("A1"))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("cadence date = last contact 2026-11-05 + 7d = 2026-11-12"))
        #expect(text.contains("next_contact 2026-11-01 is not used"))
        #expect(text.contains("12 days past due"))
        #expect(text.contains("step 1 after 3d: from 2026-11-15, reached"))
        #expect(text.contains("step 2 after 7d: from 2026-11-19, applies; notify rep, manager; fine 10, 5 points"))
        #expect(text.contains("=> overdue overdue/A1/2026-11-12/2 to R1, M1"))
    }

    @Test("a rep's explanation names the lateness tier used")
    func rep() throws {
        let lines = try #require(Explainer(rules: Build.rules(), snapshot: snapshot, now: Build.at("2026-11-24 10:00")).rep("R1"))
        #expect(lines.contains { $0.contains("checked in 08:52, 22 min late: tier up to 30m") && $0.contains("fine 30, 15 points") })
    }

    @Test("unknown ids give nil")
    func unknown() {
        let explainer = Explainer(rules: Build.rules(), snapshot: snapshot, now: Build.at("2026-11-24 10:00"))
        #expect(explainer.customer("nope") == nil)
        #expect(explainer.rep("nope") == nil)
    }
}
