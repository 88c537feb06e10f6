import Testing
import TicklerCore

/// Issue 17 item 10: every report text exists in every locale, written for that locale (not
/// the English left in place), and report titles say the period they cover.
@Suite struct TextCatalogTests {
    /// Labels that are the same word in English and another language.
    static let sameAsEnglish: [NoticeLocale: Set<ReportText.Label>] = [
        .es: [.total, .wechat], .hu: [.wechat], .zhHans: [], .zhHant: [],
    ]

    @Test("every report label has its own text in every locale", arguments: NoticeLocale.allCases.filter { $0 != .en })
    func reportLabels(locale: NoticeLocale) {
        for label in ReportText.Label.allCases {
            let text = ReportText.text(label, locale)
            let english = ReportText.text(label, .en)
            #expect(!text.isEmpty)
            let same = Self.sameAsEnglish[locale, default: []].contains(label)
            #expect(text != english || same, "\(locale) \(label) is still English: \(text)")
        }
    }

    @Test(
        "a progress table is titled by its period: weekly, monthly, quarterly",
        arguments: [
            (Period.week, NoticeLocale.es, "Control semanal de avance"), (.month, .es, "Control mensual de avance"),
            (.month, .zhHans, "月进度控制"), (.quarter, .hu, "Negyedéves előrehaladás"), (.month, .en, "Monthly progress control"),
        ])
    func progressTitle(period: Period, locale: NoticeLocale, expected: String) {
        #expect(ReportText.progressTitle(period, locale) == expected)
    }

    @Test("a report heading names its period as the reader writes it, ASCII-free in Chinese")
    func heading() {
        let week = CalendarPeriod(.week, containing: Build.date("2026-11-18"))
        let today = Build.date("2026-11-24")
        #expect(ReportText.heading("Control semanal de avance", period: week, .es, today: today) == "Control semanal de avance, semana 47")
        #expect(ReportText.heading("周进度控制", period: week, .zhHans, today: today) == "周进度控制（第47周）")
        #expect(ReportText.heading("Heti előrehaladás", period: week, .hu, today: Build.date("2027-01-04")) == "Heti előrehaladás, 2026, 47. hét")
    }

    @Test("texts name no shared pool as 'bolsa común', 'fondo común' or 'közös készlet'", arguments: NoticeLocale.allCases)
    func poolWords(locale: NoticeLocale) {
        let facts = NoticeFacts.reclaim(.init(customerName: "Acme", customerClass: "B", reclaimDate: Build.date("2026-11-27"), daysLeft: 3))
        let texts = ReportText.Label.allCases.map { ReportText.text($0, locale) } + [NoticeText.render(.reclaim, facts, locale: locale)]
        for text in texts {
            #expect(!text.contains("bolsa común") && !text.contains("fondo común") && !text.contains("közös készlet"), "\(text)")
        }
    }

    @Test("a visit quota says visits (拜访), a phone quota calls, any other quota contacts")
    func quotaUnit() {
        func text(_ methods: [ContactMethod], _ locale: NoticeLocale) -> String {
            NoticeText.render(
                .quotaShort, .quota(.init(repName: "李娜", period: "2026-W47", made: 3, required: 5, open: false, methods: methods)),
                locale: locale)
        }
        #expect(text([.visit], .zhHans) == "李娜 第47周拜访 3 次，未达到要求的 5 次。")
        #expect(text([.visit], .zhHant).contains("拜訪") && !text([.visit], .zhHans).contains("跟进"))
        #expect(text([], .zhHans).contains("跟进"))
        #expect(text([.visit], .es) == "李娜 hizo 3 de las 5 visitas exigidas en la semana 47.")
        #expect(text([.phone], .en) == "李娜 made 3 of the 5 calls required in week 47.")
        #expect(text([.visit], .hu) == "李娜: az előírt 5 látogatásból a 47. héten csak 3 teljesült.")
    }

    @Test("an anniversary is the company's Nth, in every language", arguments: [
        (NoticeLocale.en, "celebrates its 31st anniversary"), (.es, "celebra su 31.º aniversario"),
        (.hu, "ünnepli fennállásának 31. évfordulóját"), (.zhHans, "迎来成立 31 周年"), (.zhHant, "迎來成立 31 週年"),
    ])
    func anniversary(locale: NoticeLocale, expected: String) {
        let facts = NoticeFacts.care(.init(customerName: "Acme", occasion: .anniversary(date: Build.date("2026-11-24"), inDays: 2, years: 31)))
        let text = NoticeText.render(.care, facts, locale: locale)
        #expect(text.contains(expected), "\(text)")
        #expect(!text.contains("éves évfordulóját"))
    }
}
