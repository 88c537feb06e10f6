import Foundation
import Testing
import TicklerCore

/// Issue 17 item 7: an office's own contact methods (label per language, report columns)
/// and festivals beyond Spring Festival and Mid-Autumn (端午节, fixed company days).
@Suite struct OfficeMethodsAndFestivalsTests {
    static let methods = """
        contact_methods:
          - phone
          - visit
          - email
          - { name: internet, label: { en: Internet, hu: Internet, zh-Hans: 网络 } }
        """

    static func rules(_ body: String, locale: String = "hu") throws(DiagnosticsError) -> Rules {
        try RulesParser.parse("version: 1\ntimezone: Europe/Budapest\nlocale: \(locale)\n" + body, file: "r.yaml")
    }

    static func messages(_ text: String) -> [String] {
        do {
            _ = try rules(text)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column ?? 0): \($0.message)" }
        }
    }

    @Test("contact_methods lists the office's methods; quotas and alerts may name them")
    func parsed() throws {
        let rules = try Self.rules(
            Self.methods + "\nquotas: [{ name: web, methods: [internet], at_least: 5, per: week }]\n"
                + "alerts:\n  - { name: web, for: contacts, when: 'method == \"internet\"', notify: [rep] }\n")
        #expect(rules.contactMethods?.listed.map(\.rawValue) == ["phone", "visit", "email", "internet"])
        #expect(rules.knownContactMethods.map(\.rawValue) == ["phone", "visit", "email", "internet", "wechat", "other"])
        #expect(rules.quotas.first?.methods == [ContactMethod(rawValue: "internet")])
        #expect(rules.contactMethods?.label(of: ContactMethod(rawValue: "internet"))?.text(.zhHans) == "网络")
        #expect(rules.contactMethods?.label(of: ContactMethod(rawValue: "internet"))?.text(.es) == "Internet")
    }

    @Test("a misspelt method, a method without a label, one listed twice and an unknown alert value are errors")
    func mistakes() {
        let found = Self.messages(
            "contact_methods: [phon, fair, visit, visit]\n"
                + "alerts:\n  - { name: web, for: contacts, when: 'method == \"intenet\"', notify: [rep] }\n")
        #expect(found.contains { $0.hasPrefix("4:19: unknown contact method 'phon'; did you mean 'phone'?") })
        #expect(found.contains { $0.hasPrefix("4:25: 'fair' is not a built-in method") })
        #expect(found.contains { $0.hasPrefix("4:38: contact method 'visit' is listed twice") })
        #expect(found.contains { $0.contains("method is never \"intenet\"") })
        let labels = Self.messages("contact_methods:\n  - { name: internet, label: { hu: Internet, zh-Hanz: 网络 } }\n")
        #expect(labels.contains { $0.hasPrefix("5:46: unknown key 'zh-Hanz'") && $0.contains("did you mean 'zh-Hans'?") })
    }

    @Test("a Hungarian office's report has its own columns, and a WeChat column only when WeChat was used")
    func reportColumns() throws {
        let rules = try Self.rules(
            Self.methods + "\nreports:\n  - { name: weekly, every: \"mon 09:00\", period: week, show: [progress], to: [managers] }\n")
        let reps = [Rep(id: "R1", name: "Kovács Anna", manager: "M1"), Rep(id: "M1", name: "Nagy Péter")]
        let customer = Customer(id: "C1", name: "Tóth Kft.", rep: "R1", class: "A")
        let zone = Zone(identifier: "Europe/Budapest")!
        var contacts = [
            Contact(customer: "C1", rep: "R1", at: Build.at("2026-11-17 10:00", zone), method: ContactMethod(rawValue: "internet")),
            Contact(customer: "C1", rep: "R1", at: Build.at("2026-11-18 10:00", zone), method: .phone),
        ]
        func columns() -> ReportTable? {
            let snapshot = Snapshot(reps: reps, customers: [customer], contacts: contacts)
            let report = ReportBuilder(rules: rules).report(rules.reports[0], snapshot, at: Build.at("2026-11-23 09:00", zone))
            return report.tables.first
        }
        let plain = try #require(columns())
        #expect(plain.columns.count == 3 + 5 + 4)
        #expect(!plain.columns.contains("WeChat"))
        #expect(plain.columns.contains("Internet"))
        let internet = try #require(plain.columns.firstIndex(of: "Internet"))
        #expect(plain.rows[0][internet] == "1")
        contacts.append(Contact(customer: "C1", rep: "R1", at: Build.at("2026-11-19 10:00", zone), method: .wechat))
        let withWeChat = try #require(columns())
        let wechat = try #require(withWeChat.columns.firstIndex(of: "WeChat"))
        #expect(withWeChat.rows[0][wechat] == "1")
        #expect(wechat == internet + 1)
    }

    @Test("without contact_methods the report keeps the five built-in columns")
    func defaultColumns() throws {
        let rules = try Self.rules(
            "reports:\n  - { name: weekly, every: \"mon 09:00\", period: week, show: [progress], to: [managers] }\n", locale: "en")
        let snapshot = Snapshot(reps: [Rep(id: "R1", name: "Ann")], customers: [], contacts: [])
        let report = ReportBuilder(rules: rules).report(rules.reports[0], snapshot, at: Build.at("2026-11-23 09:00"))
        let table = try #require(report.tables.first)
        #expect(Array(table.columns[3..<8]) == ["Phone", "WeChat", "Visit", "Email", "Other"])
    }

    @Test("the Dragon Boat Festival comes from the Chinese calendar; a fixed day falls on its date")
    func festivalDates() {
        #expect(ChineseFestivals.date(.dragonBoat, year: 2026) == Build.date("2026-06-19"))
        #expect(ChineseFestivals.date(.dragonBoat, year: 2027) == Build.date("2027-06-09"))
        let companyDay = CareRule.Festival(name: "company_day", day: .fixed(month: 2, day: 29), label: LocalizedLabel("x"))
        #expect(ChineseFestivals.date(companyDay, year: 2027) == Build.date("2027-02-28"))
        #expect(ChineseFestivals.date(companyDay, year: 2028) == Build.date("2028-02-29"))
    }

    @Test("端午节 and a company day of the office's own are greeted ahead, with the office's label")
    func festivalNotices() throws {
        let rules = try RulesParser.parse(
            """
            version: 1
            timezone: Asia/Shanghai
            locale: zh-Hans
            care:
              festivals:
                dragon_boat: 7d
                company_day: { date: "06-18", before: 3d, label: { zh-Hans: 公司周年庆, en: our company day } }
            """, file: "r.yaml")
        let snapshot = Snapshot(
            reps: [Rep(id: "R1", name: "王芳")], customers: [Customer(id: "C1", name: "重点客户", rep: "R1", class: "A")])
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-06-15 10:00")).notices
        let company = try #require(notices.first { $0.key == "care/company_day/2026-06-18/R1" })
        #expect(company.message.hasPrefix("公司周年庆") && company.message.contains("1 位重点客户"))
        #expect(company.rule == "care.company_day")
        let dragon = try #require(notices.first { $0.key == "care/dragon_boat/2026-06-19/R1" })
        #expect(dragon.message.hasPrefix("端午节"))
        #expect(Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-06-14 10:00")).notices.allSatisfy {
            $0.key != "care/company_day/2026-06-18/R1"
        })
    }

    @Test("every new festival text exists in every language", arguments: NoticeLocale.allCases)
    func festivalTexts(_ locale: NoticeLocale) {
        let today = Build.date("2026-11-24")
        let dragonFacts = NoticeFacts.care(
            .init(occasion: .festival(name: "dragon_boat", date: Build.date("2027-06-09"), inDays: 5, keyCustomers: 2)))
        var own = NoticeFacts.Care(
            occasion: .festival(name: "company_day", date: Build.date("2027-06-18"), inDays: 5, keyCustomers: 2))
        own.festivalLabel = LocalizedLabel(texts: [.en: "Company day"], fallback: "Company day")
        let dragon = NoticeText.render(.care, dragonFacts, locale: locale, today: today)
        let owned = NoticeText.render(.care, .care(own), locale: locale, today: today)
        let year = LocalDateText.on(Build.date("2027-06-09"), locale, today: today)
        #expect(dragon.contains(year) && dragon.contains("2"), "\(dragon)")
        #expect(owned.contains("Company day") && owned.contains("2027"), "\(owned)")
        if locale != .en { #expect(!dragon.hasPrefix("The Dragon Boat")) }
    }

    @Test("a festival of the office's own needs a valid day and a label; a misspelt built-in is named")
    func festivalMistakes() {
        let found = Self.messages(
            "care:\n  festivals:\n    dragonboat: 7d\n    company_day: { date: \"02-30\" }\n    qixi: { lunar: \"07-07\", date: \"08-01\", label: 七夕 }\n")
        #expect(found.contains { $0.hasPrefix("6:5: unknown festival 'dragonboat'") && $0.contains("did you mean 'dragon_boat'?") })
        #expect(found.contains { $0.hasPrefix("7:26: 'date' must be a month and day \"MM-DD\" that exists") })
        #expect(found.contains { $0.hasPrefix("7:18: festival 'company_day' is missing 'label'") })
        #expect(found.contains { $0.contains("festival 'qixi' has both 'date' and 'lunar'") })
    }
}
