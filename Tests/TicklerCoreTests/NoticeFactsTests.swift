import Foundation
import Testing
import TicklerCore

/// Issue 13 items 4 to 6: each notice carries only its own facts; "new prospect" comes from
/// `registered_at`; texts name no zero charge and agree in number.
@Suite struct NoticeFactsTests {
    @Test("a churn-risk notice of a customer with a birthday coming carries no due date and no 'in N days'")
    func churnHasNoBirthdayFacts() throws {
        let rules = try ProcessNoticeTests.rules("care: { before: 7d, churn_factor: 2 }\n")
        let customer = Customer(id: "C1", name: "Acme", rep: "R1", class: "A", birthday: Build.date("1980-11-29"))
        let contacts = ["2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22"].map {
            Contact(customer: "C1", rep: "R1", at: Build.at("\($0) 10:00"))
        }
        let snapshot = Snapshot(reps: ProcessNoticeTests.reps, customers: [customer], contacts: contacts)
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00")).notices
        let churn = try #require(notices.first { $0.rule == "care.churn" })
        #expect(churn.due == nil && churn.days == 63 && churn.date == Build.date("2026-09-22"))
        #expect(churn.facts?.timing == "last contact 63d ago")
        let json = String(decoding: try JSONEncoder().encode(churn), as: UTF8.self)
        #expect(!json.contains("\"due\"") && json.contains("\"days\":63"))
        let birthday = try #require(notices.first { $0.rule == "care.birthday" })
        #expect(birthday.due == Build.date("2026-11-29") && birthday.days == 5 && birthday.facts?.timing == "in 5d")
    }

    @Test("kinds without a due date, days or minutes leave those JSON fields out")
    func absentFields() throws {
        let snapshot = Snapshot(reps: Build.reps, events: [EventRecord(rep: "R1", at: Build.at("2026-11-24 10:00"), event: "late_greeting")])
        let notice = try #require(Evaluator(rules: Build.rules()).evaluate(snapshot, at: Build.at("2026-11-24 20:00")).notices.first)
        let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(notice)) as? [String: Any])
        #expect(Set(object.keys) == ["key", "kind", "rule", "rep", "to", "fine", "points", "message", "source", "date"])
    }

    @Test("a contact is with a new prospect when the customer registered in the period, not when it is the first contact")
    func newProspectFromRegistration() throws {
        let rules = try RulesParser.parse(ReportTests.yaml, file: "r.yaml")
        let customers = [
            Customer(id: "OLD", name: "Since 2020", rep: "R1", class: "A", registeredAt: Build.at("2020-05-01 10:00")),
            Customer(id: "NEW", name: "This week", rep: "R1", class: "A", registeredAt: Build.at("2026-11-17 09:00")),
            Customer(id: "UNK", name: "No date", rep: "R1", class: "A"),
        ]
        let contacts = ["OLD", "NEW", "UNK"].map { Contact(customer: $0, rep: "R1", at: Build.at("2026-11-18 10:00")) }
        let snapshot = Snapshot(reps: ReportTests.reps, customers: customers, contacts: contacts)
        let report = ReportBuilder(rules: rules).report(rules.reports[0], snapshot, at: Build.at("2026-11-23 09:00"))
        let table = try #require(report.tables.first)
        #expect(Array(table.rows[0].dropFirst().prefix(3)) == ["3", "1", "2"])
        #expect(table.notes.first == "New prospect: a customer registered (registered_at) in the period; customers without registered_at count as existing.")
    }

    @Test("with new_within, a customer registered at most that long before the contact is new")
    func newProspectWindow() throws {
        let yaml = ReportTests.yaml.replacingOccurrences(of: "to: [managers] }", with: "to: [managers], new_within: 30d }")
        let rules = try RulesParser.parse(yaml + "\nlocale: en\n", file: "r.yaml")
        #expect(rules.reports[0].newWithin == RuleDuration(30, .days))
        let customers = [
            Customer(id: "OCT", name: "October", rep: "R1", class: "A", registeredAt: Build.at("2026-10-25 10:00")),
            Customer(id: "JUN", name: "June", rep: "R1", class: "A", registeredAt: Build.at("2026-06-01 10:00")),
        ]
        let contacts = ["OCT", "JUN"].map { Contact(customer: $0, rep: "R1", at: Build.at("2026-11-18 10:00")) }
        let snapshot = Snapshot(reps: ReportTests.reps, customers: customers, contacts: contacts)
        let table = try #require(ReportBuilder(rules: rules).report(rules.reports[0], snapshot, at: Build.at("2026-11-23 09:00")).tables.first)
        #expect(Array(table.rows[0].dropFirst().prefix(3)) == ["2", "1", "1"])
        #expect(table.notes.first == "New prospect: a customer registered (registered_at) at most 30 days before the contact; customers without registered_at count as existing.")
    }

    @Test(
        "a points-only charge names no zero fine, in the right number",
        arguments: [
            (NoticeLocale.en, " Minus 1 point."), (.es, " Menos 1 punto."), (.hu, " Levonás: 1 pont."), (.zhHans, "扣 1 分。"),
            (.zhHant, "扣 1 分。"),
        ])
    func pointsOnly(locale: NoticeLocale, expected: String) {
        let facts = NoticeFacts.violation(
            .init(repName: "Wang", event: "late_greeting", date: Build.date("2026-11-24"), penalty: Penalty(points: 1)))
        let text = NoticeText.render(.penalty, facts, locale: locale)
        #expect(text.hasSuffix(expected), "\(text)")
        #expect(!text.contains(" 0") && !text.contains("罚款") && !text.contains("罰款") && !text.contains("Multa") && !text.contains("Fine"))
    }

    @Test(
        "a fine-only charge names no zero points",
        arguments: [(NoticeLocale.en, " Fine 10."), (.es, " Multa de 10."), (.hu, " Bírság: 10."), (.zhHans, "罚款 10 元。"), (.zhHant, "罰款 10 元。")])
    func fineOnly(locale: NoticeLocale, expected: String) {
        let facts = NoticeFacts.violation(
            .init(repName: "Wang", event: "late_greeting", date: Build.date("2026-11-24"), penalty: Penalty(fine: 10)))
        #expect(NoticeText.render(.penalty, facts, locale: locale).hasSuffix(expected))
    }

    @Test(
        "counts of one are singular in English and Spanish",
        arguments: [
            (NoticeLocale.en, "W47 is ready: 1 contact, 1 new customer."),
            (.es, "Ya está disponible el informe «W47»: 1 contacto, 1 cliente nuevo."),
            (.hu, "Elkészült a jelentés: W47 – 1 kapcsolatfelvétel, 1 új ügyfél."),
            (.zhHans, "W47 已生成：联系 1 次，新开发客户 1 个。"),
            (.zhHant, "W47 已生成：聯繫 1 次，新開發客戶 1 個。"),
        ])
    func singular(locale: NoticeLocale, expected: String) {
        #expect(NoticeText.render(.report, .report(.init(title: "W47", contacts: 1, newCustomers: 1)), locale: locale) == expected)
    }

    @Test("plural counts in English and Spanish texts", arguments: [NoticeLocale.en, .es])
    func plurals(locale: NoticeLocale) {
        let texts = [
            NoticeText.render(.report, .report(.init(title: "W47", contacts: 2, newCustomers: 3)), locale: locale),
            NoticeText.render(
                .penalty,
                .violation(.init(repName: "W", event: "e", date: Build.date("2026-11-24"), penalty: Penalty(fine: 5, points: 2))),
                locale: locale),
            NoticeText.render(
                .care, .care(.init(customerName: "A", occasion: .churn(last: Build.date("2026-11-01"), gap: 1, usual: 1))),
                locale: locale),
        ]
        let english = ["2 contacts, 3 new customers", "Fine 5, minus 2 points.", "every day, but the last contact was 1 day ago"]
        let spanish = ["2 contactos, 3 clientes nuevos", "Multa de 5, menos 2 puntos.", "a diario, pero el último fue hace 1 día"]
        for (text, part) in zip(texts, locale == .en ? english : spanish) {
            #expect(text.contains(part), "\(text)")
        }
    }

    @Test("no text offers alternative word forms such as Hungarian '-án/én'", arguments: NoticeLocale.allCases)
    func noAlternativeForms(locale: NoticeLocale) {
        let day = Build.date("2026-11-27")
        let facts: [(NoticeKind, NoticeFacts)] = [
            (.reclaim, .reclaim(.init(customerName: "Acme", customerClass: "B", reclaimDate: day, daysLeft: 3))),
            (.reclaim, .reclaim(.init(customerName: "Acme", customerClass: "B", reclaimDate: day, daysLeft: 0))),
            (.care, .care(.init(customerName: "Acme", occasion: .anniversary(date: day, inDays: 3, years: 18)))),
        ]
        for (kind, f) in facts {
            let text = NoticeText.render(kind, f, locale: locale)
            #expect(!text.contains("/"), "\(text)")
        }
    }
}
