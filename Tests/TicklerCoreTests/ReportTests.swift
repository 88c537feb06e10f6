import Foundation
import Testing
import TicklerCore

@Suite struct ReportTests {
    static let yaml = """
        version: 1
        timezone: Asia/Shanghai
        reports:
          - { name: weekly, every: "mon 09:00", period: week, show: [numbers], to: [managers] }
        """

    static let reps = [Rep(id: "R1", name: "王芳", manager: "M1"), Rep(id: "M1", name: "Zhang Wei")]

    /// Seed 002's example in small: 2 opportunities, one closed, in 6 contacts.
    static func snapshot() -> Snapshot {
        let customers = [
            Customer(id: "C1", name: "One", rep: "R1", class: "A", status: .prospect, registeredAt: Build.at("2020-03-01 10:00")),
            Customer(id: "C2", name: "Two", rep: "R1", class: "A", status: .prospect, registeredAt: Build.at("2026-11-18 09:00")),
        ]
        var contacts = [Contact(customer: "C1", rep: "R1", at: Build.at("2026-11-02 10:00"), progress: 10)]
        for day in ["16", "17", "18", "19"] {
            contacts.append(Contact(customer: "C1", rep: "R1", at: Build.at("2026-11-\(day) 10:00"), method: .phone))
        }
        contacts.append(Contact(customer: "C2", rep: "R1", at: Build.at("2026-11-20 10:00"), method: .visit, outcome: "won"))
        return Snapshot(reps: reps, customers: customers, contacts: contacts)
    }

    @Test("a Monday 09:00 weekly report covers the week that ended, keyed by that ISO week, to the managers")
    func weeklyNotice() throws {
        let rules = try RulesParser.parse(Self.yaml, file: "r.yaml")
        let evaluation = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-11-24 10:00"))
        let notice = try #require(evaluation.notices.first { $0.kind == .report })
        #expect(notice.key == "report/weekly/2026-W47")
        #expect(notice.to == ["M1"])
        #expect(evaluation.reports[notice.key]?.period.start == Build.date("2026-11-16"))
    }

    @Test("the pool table shows no negative days left for a customer already reclaimed")
    func poolDaysLeft() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "show: [numbers]", with: "show: [pool]") + "\npool: { reclaim: { A: 10d } }\n"
        let rules = try RulesParser.parse(yaml, file: "r.yaml")
        let report = ReportBuilder(rules: rules).report(rules.reports[0], Self.snapshot(), at: Build.at("2026-12-14 09:00"))
        let table = try #require(report.tables.first)
        #expect(table.rows.map { $0.last } == ["0", "0"], "\(table.rows)")
    }

    @Test("close ratio per unique opportunity sits next to the ratio per contact (seed 002)")
    func rightNumbers() throws {
        let rules = try RulesParser.parse(Self.yaml, file: "r.yaml")
        let report = ReportBuilder(rules: rules).report(rules.reports[0], Self.snapshot(), at: Build.at("2026-11-23 09:00"))
        let table = try #require(report.tables.first)
        // contacts, with new prospects, existing, unique opportunities, closed, per opportunity, per contact
        #expect(Array(table.rows[0].dropFirst()) == ["5", "1", "4", "2", "1", "50%", "20%"])
    }

    @Test("CSV follows RFC 4180: CRLF, quotes doubled, fields with commas quoted")
    func csv() {
        let table = ReportTable(id: "t", title: "T", columns: ["name", "note"], rows: [["Acme, Inc.", "say \"hi\""], ["王芳", "ok"]])
        #expect(ReportRendering.csv(table) == "name,note\r\n\"Acme, Inc.\",\"say \"\"hi\"\"\"\r\n王芳,ok\r\n")
    }

    @Test("the text table aligns Chinese and Latin names by display width")
    func textAlignment() {
        let table = ReportTable(id: "t", title: "T", columns: ["Rep", "N"], rows: [["王芳", "3"], ["Lucía", "12"]])
        let lines = ReportRendering.text(table).split(separator: "\n").map(String.init)
        #expect(lines.dropFirst().map(ReportRendering.width).allSatisfy { $0 == ReportRendering.width(lines[1]) })
    }

    @Test("a report's headings exist in every locale", arguments: NoticeLocale.allCases)
    func everyLocale(_ locale: NoticeLocale) {
        for label in ReportText.Label.allCases { #expect(!ReportText.text(label, locale).isEmpty) }
        #expect(ReportText.text(.numbersTitle, locale) != ReportText.text(.numbersTitle, .en) || locale == .en)
    }

    @Test("an unknown table and a bad schedule are errors at their line and column")
    func strict() {
        let bad = """
            version: 1
            timezone: Asia/Shanghai
            reports:
              - { name: weekly, every: "monday 9", show: [progres] }
            """
        #expect(throws: DiagnosticsError.self) { try RulesParser.parse(bad, file: "r.yaml") }
        do {
            _ = try RulesParser.parse(bad, file: "r.yaml")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("r.yaml:4:") && $0.contains("'every'") })
            #expect(lines.contains { $0.hasPrefix("r.yaml:4:") && $0.contains("did you mean 'progress'") })
        }
    }
}
