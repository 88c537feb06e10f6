import Foundation
import Testing
import TicklerCore

@Suite("RulesParser: valid files become the expected model")
struct RulesParserModelTests {
    @Test("the SPEC example parses to the values it states")
    func specExample() throws {
        let rules = try RulesParser.parse(try RulesFixtures.text("spec-example"), file: "rules.yaml")
        #expect(rules.file == "rules.yaml")
        #expect(rules.version == 1)
        #expect(rules.zone.identifier == "Asia/Shanghai")
        #expect(rules.locale == .zhHans)
        #expect(rules.classes == ["A", "B", "C"])
        #expect(rules.calendar.workdays == [.mon, .tue, .wed, .thu, .fri])
        #expect(rules.calendar.holidays == [LocalDate(parsing: "2026-10-01")!, LocalDate(parsing: "2026-10-02")!])
        #expect(rules.calendar.extraWorkdays == [LocalDate(parsing: "2026-09-27")!])
        #expect(rules.calendar.officeHours?.description == "08:30-18:00")

        let followup = try #require(rules.followup)
        #expect(followup.cadence == ["A": RuleDuration(7, .days), "B": RuleDuration(14, .days), "C": RuleDuration(30, .days)])
        #expect(followup.statusCadence == [.dead: RuleDuration(365, .days)])
        #expect(followup.remindBefore == RuleDuration(1, .days))
        #expect(followup.overdue.steps.map(\.after.description) == ["0d", "3d", "7d"])
        #expect(followup.overdue.steps.map(\.notify) == [[.rep], [.rep, .manager], [.rep, .manager]])
        #expect(followup.overdue.steps.map(\.penalty) == [nil, nil, Penalty(fine: 10, points: 5)])
        #expect(followup.overdue.steps[1].location == SourceLocation(file: "rules.yaml", line: 17, column: 7))

        let attendance = try #require(rules.attendance)
        #expect(attendance.start.description == "08:30")
        #expect(attendance.late.map(\.bound) == [.upTo(RuleDuration(10, .minutes)), .upTo(RuleDuration(20, .minutes)),
            .upTo(RuleDuration(30, .minutes)), .over(RuleDuration(30, .minutes))])
        #expect(attendance.late.map(\.penalty.points) == [5, 10, 15, 20])
        #expect(attendance.late.map(\.countsAsAbsent) == [false, false, false, true])
        #expect(attendance.late[3].location == SourceLocation(file: "rules.yaml", line: 29, column: 7))
        #expect(attendance.absent == Penalty(fine: 50, points: 20))
        #expect(attendance.notify == [.rep, .manager])
        #expect(attendance.tier(minutesLate: 15)?.penalty == Penalty(fine: 20, points: 10))

        #expect(rules.penalties.map(\.event) == ["reception_no_show", "late_greeting", "floor_quarrel"])
        let noShow = try #require(rules.penalties[0].repeat)
        #expect(noShow.count == 3)
        #expect(noShow.within == RuleDuration(1, .weeks))
        #expect(noShow.penalty == Penalty(fine: 20, points: 10))
        #expect(noShow.note == "no reception duty for one week")
        #expect(rules.penalties[0].penalty == nil)
        #expect(rules.penalties[1].penalty == Penalty(fine: 10, points: 5))
        #expect(rules.penalties[1].notify == [.rep, .manager])
        #expect(rules.penalties[2].notify == [.manager])

        let scoring = try #require(rules.scoring)
        #expect(scoring.start == 100)
        #expect(scoring.warnBelow == 80)
        #expect(scoring.period == .month)

        #expect(rules.quotas.count == 1)
        #expect(rules.quotas[0].name == "weekly-calls")
        #expect(rules.quotas[0].methods == [.phone, .visit])
        #expect(rules.quotas[0].atLeast == 20)
        #expect(rules.quotas[0].per == .week)
        #expect(rules.quotas[0].notify == [.manager])

        let alert = try #require(rules.alerts.first)
        #expect(alert.name == "stale-proposal")
        #expect(alert.subject == .customers)
        #expect(alert.when == #"status == "prospect" and days_since(last_contact) > 10"#)
        #expect(alert.whenLocation == SourceLocation(file: "rules.yaml", line: 47, column: 11))
        #expect(alert.notify == [.rep])
        #expect(alert.message == "{customer.name}: proposal sent, no contact for {days_since_last_contact} days")
    }

    @Test("the shipped rules/office.yaml parses and encodes seed 003's rulebook")
    func officeRules() throws {
        let rules = try RulesParser.parse(try RulesFixtures.officeRules(), file: "office.yaml")
        #expect(rules.zone.identifier == "Asia/Shanghai")
        #expect(rules.locale == .zhHans)
        let followup = try #require(rules.followup)
        #expect(followup.cadence == ["A": RuleDuration(7, .days), "B": RuleDuration(14, .days), "C": RuleDuration(30, .days)])
        #expect(followup.statusCadence[.dead] == RuleDuration(365, .days))
        let attendance = try #require(rules.attendance)
        #expect(attendance.late.map(\.penalty) == [
            Penalty(fine: 10, points: 5), Penalty(fine: 20, points: 10), Penalty(fine: 30, points: 15),
            Penalty(fine: 50, points: 20),
        ])
        #expect(attendance.tier(minutesLate: 31)?.countsAsAbsent == true)
        #expect(attendance.absent == Penalty(fine: 50, points: 20))
        let byEvent = Dictionary(uniqueKeysWithValues: rules.penalties.map { ($0.event, $0) })
        #expect(byEvent["reception_no_show"]?.repeat?.penalty == Penalty(fine: 20, points: 10))
        #expect(byEvent["late_greeting"]?.penalty == Penalty(fine: 10, points: 5))
        #expect(byEvent["floor_quarrel"]?.penalty == Penalty(fine: 50, points: 20))
        #expect(byEvent["floor_quarrel"]?.notify.contains(.manager) == true)
        #expect(rules.quotas.first?.per == .week)
        #expect(rules.scoring?.warnBelow == 80)
        #expect(rules.alerts.count == 1)
        #expect(rules.conflicts?.match == [.phone, .name, .household])
    }

    @Test("flow and block style give the same model and each its own positions")
    func flowAndBlock() throws {
        let flow = try RulesParser.parse(try RulesFixtures.text("flow-style"), file: "flow.yaml")
        let block = try RulesParser.parse(try RulesFixtures.text("block-style"), file: "block.yaml")
        #expect(flow.attendance?.late.map(\.bound) == block.attendance?.late.map(\.bound))
        #expect(flow.attendance?.late.map(\.penalty) == block.attendance?.late.map(\.penalty))
        #expect(flow.followup?.overdue.steps.map(\.after) == block.followup?.overdue.steps.map(\.after))
        #expect(flow.attendance?.late.map(\.location.description) == ["flow.yaml:5:10", "flow.yaml:5:47"])
        #expect(block.attendance?.late.map(\.location.description) == ["block.yaml:7:9", "block.yaml:10:7"])
    }

    @Test("optional sections may be left out or empty; defaults apply")
    func minimalFile() throws {
        let rules = try RulesParser.parse("version: 1\ntimezone: UTC\nalerts:\npenalties: []\n", file: "r.yaml")
        #expect(rules.locale == .en)
        #expect(rules.classes == ["A", "B", "C"])
        #expect(rules.followup == nil)
        #expect(rules.alerts.isEmpty)
        #expect(rules.penalties.isEmpty)
        #expect(rules.calendar.workdays.count == 5)
    }

    @Test("declared classes replace A, B, C and need a cadence each")
    func declaredClasses() throws {
        let text = "version: 1\ntimezone: UTC\nclasses: [VIP, normal]\nfollowup:\n  cadence: { VIP: 1w, normal: 5bd }\n"
        let rules = try RulesParser.parse(text, file: "r.yaml")
        #expect(rules.classes == ["VIP", "normal"])
        #expect(rules.followup?.cadence["normal"] == RuleDuration(5, .businessDays))
    }
}
