import Foundation
import Testing
import TicklerCore

/// Issue 17 item 8: what the commands print, in every language, with English for logs.
@Suite struct CommandTextTests {
    @Test("every command text has a translation in every locale, with the same values", arguments: NoticeLocale.allCases)
    func everyKey(locale: NoticeLocale) {
        #expect(CommandText.untranslated(locale) == [], "these still print in English")
        for key in CommandText.Key.allCases {
            let text = CommandText.translation(key, locale) ?? ""
            #expect(Self.placeholders(text) == Self.placeholders(CommandText.english(key)), "\(locale) \(key): \(text)")
        }
    }

    @Test("values fill once: a value holding {1} stays as it is; {0:day:days} agrees in number")
    func fill() {
        #expect(CommandText.text(.repManager, .en, "R1", "{1}", "M1") == "R1 {1}, manager M1")
        #expect(CommandText.text(.pastDue, .en, "2026-11-24", "1") == "  today 2026-11-24: 1 day past due")
        #expect(CommandText.text(.pastDue, .en, "2026-11-24", "12") == "  today 2026-11-24: 12 days past due")
        #expect(CommandText.text(.pastDue, .es, "2026-11-24", "1") == "  hoy 2026-11-24: 1 día de retraso")
        #expect(CommandText.text(.testSummary, .zhHans, "3", "0") == "3 项通过，0 项失败")
    }

    @Test(
        "the output language: --locale, else English for the C locale, else the rules'",
        arguments: [
            ([String: String](), NoticeLocale?.none, NoticeLocale.zhHans),
            (["LANG": "C"], nil, .en), (["LANG": "C.UTF-8"], nil, .en), (["LC_ALL": "POSIX", "LANG": "es_ES.UTF-8"], nil, .en),
            (["LANG": "hu_HU.UTF-8"], nil, .zhHans), (["LC_ALL": "", "LANG": "C"], nil, .en),
            (["LC_ALL": "C"], .es, .es), (["LC_MESSAGES": "de_DE.UTF-8", "LANG": "C"], nil, .zhHans),
        ])
    func chooseLanguage(environment: [String: String], option: NoticeLocale?, expected: NoticeLocale) {
        #expect(OutputLocale.choose(option: option, rules: .zhHans, environment: environment) == expected)
    }

    @Test("explain speaks the chosen language, and English when asked")
    func explainLanguage() throws {
        let snapshot = Snapshot(
            reps: Build.reps, customers: [Customer(id: "A1", name: "Acme", rep: "R1", class: "A")],
            contacts: [Contact(customer: "A1", rep: "R1", at: Build.at("2026-11-10 10:00"), method: .phone)])
        let rules = Build.rules(locale: .zhHans)
        let chinese = try #require(Explainer(rules: rules, snapshot: snapshot, now: Build.at("2026-11-24 10:00")).customer("A1"))
        #expect(chinese.contains("  今天 2026-11-24：已逾期 7 天"), "\(chinese)")
        let english = try #require(
            Explainer(rules: rules, snapshot: snapshot, now: Build.at("2026-11-24 10:00"), locale: .en).customer("A1"))
        #expect(english.contains("  today 2026-11-24: 7 days past due"), "\(english)")
        #expect(english.contains { $0.hasPrefix("  => overdue ") && $0.contains("7 days overdue") }, "the notice in English too")
    }

    @Test("the ledger as text in each language", arguments: [
        (NoticeLocale.en, "R1: fines 10, points -5"), (.es, "R1: multas 10, puntos -5"), (.hu, "R1: bírságok 10, pontok -5"),
        (.zhHans, "R1：罚款 10，扣 5 分"), (.zhHant, "R1：罰款 10，扣 5 分"),
    ])
    func ledger(locale: NoticeLocale, line: String) {
        let entry = LedgerEntry(
            key: "penalty/late_greeting/R1/2026-11-24", rep: "R1", rule: "penalties.late_greeting", fine: 10, points: 5,
            date: Build.date("2026-11-24"), source: "events.jsonl:1")
        let report = LedgerReport(entries: [entry], period: CalendarPeriod(.month, containing: Build.date("2026-11-24")))
        #expect(report.text(in: locale).contains(line), "\(report.text(in: locale))")
        #expect(report.text == report.text(in: .en))
    }

    static func placeholders(_ text: String) -> [String] {
        text.matches(of: /\{(\d+)[^}]*\}/).map { String($0.1) }.sorted()
    }
}
