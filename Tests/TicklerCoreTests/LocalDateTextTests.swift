import Foundation
import Testing
import TicklerCore

/// Issue 17 item 9: dates and periods in texts as a native reader writes them.
@Suite struct LocalDateTextTests {
    static let day = LocalDate(parsing: "2026-11-24")!
    static let today = LocalDate(parsing: "2026-11-26")!

    @Test(
        "a date in each locale, without the year of today",
        arguments: [
            (NoticeLocale.en, "24 November", "on 24 November"),
            (.es, "24 de noviembre", "el 24 de noviembre"),
            (.hu, "november 24.", "november 24-én"),
            (.zhHans, "11月24日", "11月24日"),
            (.zhHant, "11月24日", "11月24日"),
        ])
    func date(locale: NoticeLocale, bare: String, on: String) {
        #expect(LocalDateText.date(Self.day, locale, today: Self.today) == bare)
        #expect(LocalDateText.on(Self.day, locale, today: Self.today) == on)
    }

    @Test(
        "a date of another year than today's shows the year",
        arguments: [
            (NoticeLocale.en, "30 December 2025"), (.es, "30 de diciembre de 2025"), (.hu, "2025. december 30."),
            (.zhHans, "2025年12月30日"), (.zhHant, "2025年12月30日"),
        ])
    func otherYear(locale: NoticeLocale, expected: String) {
        let date = LocalDate(parsing: "2025-12-30")!
        #expect(LocalDateText.date(date, locale, today: LocalDate(parsing: "2026-01-02")!) == expected)
        #expect(!LocalDateText.date(date, locale, today: LocalDate(parsing: "2025-01-02")!).contains("2025"))
    }

    @Test("Hungarian 'on' suffixes follow the day's ordinal: elsején, másodikán, ..., harmincegyedikén")
    func hungarianSuffixes() {
        let expected = [
            "1-jén", "2-án", "3-án", "4-én", "5-én", "6-án", "7-én", "8-án", "9-én", "10-én", "11-én", "12-én", "13-án",
            "14-én", "15-én", "16-án", "17-én", "18-án", "19-én", "20-án", "21-én", "22-én", "23-án", "24-én", "25-én",
            "26-án", "27-én", "28-án", "29-én", "30-án", "31-én",
        ]
        for day in 1...31 {
            let text = LocalDateText.on(LocalDate(year: 2026, month: 1, day: day)!, .hu)
            #expect(text == "január " + expected[day - 1])
        }
        #expect(LocalDateText.hungarianOf(LocalDate(year: 2026, month: 12, day: 1)!) == "december 1-jei")
        #expect(LocalDateText.hungarianOf(Self.day) == "november 24-i")
    }

    @Test(
        "ISO weeks, months, quarters and years as labels and as adverbs",
        arguments: [
            (NoticeLocale.en, ["week 47", "November", "Q4", "2026"], ["in week 47", "in November", "in Q4", "in 2026"]),
            (.es, ["semana 47", "noviembre", "4.º trimestre", "2026"], ["en la semana 47", "en noviembre", "en el 4.º trimestre", "en 2026"]),
            (.hu, ["47. hét", "november", "IV. negyedév", "2026"], ["a 47. héten", "novemberben", "a IV. negyedévben", "2026-ban"]),
            (.zhHans, ["第47周", "11月", "第4季度", "2026年"], ["第47周", "11月", "第4季度", "2026年"]),
            (.zhHant, ["第47週", "11月", "第4季", "2026年"], ["第47週", "11月", "第4季", "2026年"]),
        ])
    func periods(locale: NoticeLocale, labels: [String], adverbs: [String]) {
        let texts = ["2026-W47", "2026-11", "2026-Q4", "2026"]
        #expect(texts.map { LocalDateText.period($0, locale, today: Self.today) } == labels)
        #expect(texts.map { LocalDateText.during($0, locale, today: Self.today) } == adverbs)
        #expect(LocalDateText.period("W47", locale) == "W47", "text that is not a period stays as it is")
    }

    @Test("a week shows the year of its Thursday when that is not today's")
    func isoWeekYear() {
        // 2026-12-28 (Monday) is in week 53 of 2026; 2027-01-01 belongs to it too.
        let week = CalendarPeriod(.week, containing: LocalDate(parsing: "2027-01-01")!)
        #expect(LocalDateText.period(week, .es, today: LocalDate(parsing: "2027-01-01")!) == "semana 53 de 2026")
        #expect(LocalDateText.period(week, .zhHans, today: LocalDate(parsing: "2026-12-30")!) == "第53周")
        #expect(LocalDateText.during(week, .hu, today: LocalDate(parsing: "2027-01-04")!) == "2026 53. hetében")
    }

    @Test("Hungarian year suffixes by pronunciation", arguments: [(2026, "ban"), (2025, "ben"), (2030, "ban"), (2040, "ben"), (2000, "ben"), (2100, "ban"), (2023, "ban")])
    func hungarianYear(year: Int, suffix: String) {
        #expect(LocalDateText.during(CalendarPeriod(.year, containing: LocalDate(year: year, month: 3, day: 1)!), .hu) == "\(year)-\(suffix)")
    }

    @Test("periods parse back from the form keys use", arguments: ["2026-11-24", "2026-W47", "2026-W01", "2026-11", "2026-Q4", "2026"])
    func parsing(text: String) throws {
        #expect(try #require(CalendarPeriod(parsing: text)).description == text)
    }

    @Test(
        "a due date is said as 'by', not 'before'",
        arguments: [
            (NoticeLocale.en, "by 24 November"), (.es, "a más tardar el 24 de noviembre"), (.hu, "legkésőbb november 24-én"),
            (.zhHans, "请在11月24日前跟进"), (.zhHant, "請在11月24日前跟進"),
        ])
    func dueBy(locale: NoticeLocale, expected: String) {
        let facts = NoticeFacts.followup(.init(customerName: "Acme", customerClass: "A", due: Self.day))
        let text = NoticeText.render(.dueSoon, facts, locale: locale)
        #expect(text.contains(expected), "\(text)")
        #expect(!text.contains("antes") && !text.contains("2026-11-24"))
    }

    @Test("the evaluation shows the year in a text only for a date in another year, and its JSON stays ISO")
    func evaluationYear() throws {
        let rules = Build.rules(locale: .es)
        let customers = [
            Customer(id: "C1", name: "Acme", rep: "R1", class: "A", registeredAt: Build.at("2025-12-20 10:00")),
            Customer(id: "C2", name: "Beta", rep: "R1", class: "A", registeredAt: Build.at("2025-12-30 10:00")),
        ]
        let notices = Evaluator(rules: rules).evaluate(Snapshot(reps: Build.reps, customers: customers), at: Build.at("2026-01-05 10:00")).notices
        let old = try #require(notices.first { $0.customer == "C1" })
        let new = try #require(notices.first { $0.customer == "C2" })
        #expect(old.message.contains("27 de diciembre de 2025"), "\(old.message)")
        #expect(new.message.contains("a más tardar el 6 de enero.") && !new.message.contains("2026"), "\(new.message)")
        #expect(old.message(in: .hu).contains("2025. december 27."), "a digest in another language keeps the year")
        let json = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(json.contains("\"due\":\"2025-12-27\""))
    }
}
