import Foundation
import Testing
import TicklerTestSupport

/// What `tickler check` says about a valid file: the summary names what the manager wrote,
/// and a notice that would reach nobody is warned about.
@Suite("tickler check: the summary and recipient warnings")
struct CheckSummaryTests {
    @Test("timezone UTC is printed as UTC, a cadence without a ladder as 'no escalation steps', counts of one singular")
    func summary() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: UTC
            followup:
              cadence: { A: 7d, B: 14d, C: 30d }
            penalties:
              - { event: late_report, fine: 5 }

            """)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.first == "OK \(rules): timezone UTC, locale en, follow-up A 7d/B 14d/C 30d, no escalation steps, 1 penalty")
    }

    @Test("the summary names the office practices: agreed dates, registrations, festivals, sales, rewards, methods, sources")
    func practices() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: Europe/Budapest
            contact_methods: [phone, { name: internet, label: { hu: Internet } }]
            lead_sources: [vasar, internet]
            followup:
              cadence: { A: 7d, B: 14d, C: 30d }
              next_contact: { postpone: true, at_most: 3w }
            quotas:
              - { name: calls, at_least: 2, per: week, reward: { points: 5 } }
            conflicts: { complete_wins: true, keep_for: 365d }
            care:
              festivals: { dragon_boat: 7d, company_day: { date: "06-18", label: Company day } }
            sales:
              goals: { month: { K1: 1000 } }
              reward: { points: 10 }

            """)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdoutLines.first)
        for part in [
            "no escalation steps, agreed dates postpone up to 3w, 1 quota, conflicts, complete registrations win, "
                + "a returning customer stays with the first rep for 365d, care, festivals company_day/dragon_boat, "
                + "sales goals, 2 rewards, contact methods phone/internet, lead sources vasar/internet"
        ] {
            #expect(line.hasSuffix(part), "\(line)")
        }
        let chinese = try TicklerBinary.run(["check", rules, "--locale", "zh-Hans"])
        let zh = try #require(chinese.stdoutLines.first)
        for part in ["约定回访日可推迟跟进，最多 3w", "以全名登记并电话正确的记录为准", "老客户由原业务员优先接待 365d", "节日 company_day/dragon_boat",
            "销售目标", "2 项奖励", "联系方式 phone/internet", "客户来源 vasar/internet"]
        {
            #expect(zh.contains(part), "\(zh)")
        }
    }

    @Test("notify: [manager] with a rep who has no manager: a warning at the notify line, exit 0")
    func managerlessRep() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: Europe/Madrid
            followup:
              cadence: { A: 7d, B: 14d, C: 30d }
              overdue:
                - { after: 3d, notify: [manager] }

            """)
        try scratch.write(
            "store/reps.json",
            #"[{"id": "R1", "name": "Ana", "manager": "M1"}, {"id": "M1", "name": "Jefa"}, {"id": "R2", "name": "Luis"}]"#)
        try scratch.write("store/customers.json", #"[{"id": "C1", "name": "Acme", "rep": "R2", "class": "A"}]"#)
        let result = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/store"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.last == "OK \(scratch.path)/store: 3 reps, 1 customer, 0 contacts, 0 attendance records, 0 events, 0 filed plans and reports")
        #expect(result.stderrLines == [
            "\(rules):6:28: warning: this notice goes to the rep's manager, but rep 'R2' has no manager: theirs go to the "
                + "rep instead; set 'manager' in the store's reps, or add a fixed recipient to 'notify'"
        ])
    }
}
