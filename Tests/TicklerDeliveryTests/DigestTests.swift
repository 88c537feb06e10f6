import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// Notices like the evaluator makes them, with facts for re-rendering.
enum SampleNotices {
    static func overdue(_ customer: String, name: String, level: Int, days: Int, to: [String] = ["r1"]) -> Notice {
        let penalty = level >= 2 ? Penalty(fine: 10, points: 5) : nil
        let facts = NoticeFacts.followup(
            .init(
                customerName: name, customerClass: "A", due: LocalDate(parsing: "2026-11-20")!, daysOverdue: days,
                penalty: penalty))
        return Notice(
            key: "overdue/\(customer)/2026-11-20/\(level)", kind: .overdue, rule: "followup", rep: "r1",
            customer: customer, to: to, level: level, fine: penalty?.fine, points: penalty?.points,
            message: NoticeText.render(.overdue, facts, locale: .en), facts: facts)
    }

    static func dueSoon(_ customer: String, name: String, to: [String] = ["r1"]) -> Notice {
        let facts = NoticeFacts.followup(.init(customerName: name, customerClass: "B", due: LocalDate(parsing: "2026-11-25")!))
        return Notice(
            key: "due_soon/\(customer)/2026-11-25", kind: .dueSoon, rule: "followup", rep: "r1", customer: customer,
            to: to, message: NoticeText.render(.dueSoon, facts, locale: .en), facts: facts)
    }

    static let mixed = [
        dueSoon("C9", name: "Delta Ltd"),
        overdue("A1", name: "王芳贸易", level: 0, days: 1),
        overdue("A2", name: "Acme Trading", level: 2, days: 9, to: ["r1", "m1"]),
        overdue("A3", name: "Beta GmbH", level: 1, days: 4, to: ["r1", "m1"]),
    ]
}

@Suite("Digests")
struct DigestTests {
    @Test("overdue comes first, deepest escalation level first, then the other kinds")
    func order() {
        let digest = Digest(recipient: "r1", locale: .en, notices: SampleNotices.mixed)
        #expect(digest.notices.map(\.customer) == ["A2", "A3", "A1", "C9"])
        #expect(digest.groups.map(\.kind) == [.overdue, .overdue, .overdue, .dueSoon])
        #expect(digest.groups.map(\.level) == [2, 1, 0, nil])
    }

    @Test("the id depends on the recipient and the set of keys, not on their order")
    func stableID() {
        let a = Digest(recipient: "r1", locale: .en, notices: SampleNotices.mixed)
        let b = Digest(recipient: "r1", locale: .zhHans, notices: SampleNotices.mixed.reversed())
        let c = Digest(recipient: "m1", locale: .en, notices: SampleNotices.mixed)
        let d = Digest(recipient: "r1", locale: .en, notices: Array(SampleNotices.mixed.dropFirst()))
        #expect(a.id == b.id)
        #expect(a.id != c.id)
        #expect(a.id != d.id)
        #expect(a.id.hasPrefix("tickler-") && a.id.count == 40)
    }

    @Test("one digest per recipient; a notice for rep and manager is in both")
    func perRecipient() {
        let reps = [
            "r1": Rep(id: "r1", name: "Wang Fang", manager: "m1", locale: .zhHans),
            "m1": Rep(id: "m1", name: "Zhang Min"),
        ]
        let digests = Digest.perRecipient(SampleNotices.mixed, reps: { reps[$0] }, fallback: .es)
        #expect(digests.map(\.recipient) == ["m1", "r1"])
        #expect(digests[0].notices.count == 2 && digests[1].notices.count == 4)
        #expect(digests[0].locale == .es, "no rep locale: the rules' locale")
        #expect(digests[1].locale == .zhHans)
        #expect(digests[1].recipientName == "Wang Fang")
    }

    @Test("the body shows customer names, due dates, days overdue, fines and points in the recipient's language")
    func bodyDetails() {
        let body = DigestText.body(Digest(recipient: "r1", recipientName: "王芳", locale: .zhHans, notices: SampleNotices.mixed))
        #expect(body.contains("王芳，您好"))
        #expect(body.contains("逾期跟进（第 3 级）"))
        #expect(body.contains("客户 Acme Trading（A类）跟进已逾期 9 天"), "the notice text is rendered again in Chinese")
        #expect(body.contains("客户：Acme Trading（A2） · 截止日期：11月20日 · 逾期天数：9 · 罚款：10 · 扣分：5"))
        #expect(body.contains("即将到期的跟进"))
        #expect(body.range(of: "第 3 级")!.lowerBound < body.range(of: "第 1 级")!.lowerBound)
    }

    @Test("fine and points appear only for the kinds that charge them")
    func chargesOnly() {
        let score = Notice(key: "score_low/r1/2026-11", kind: .scoreLow, rule: "scoring", rep: "r1", to: ["r1"], points: 40, message: "low")
        #expect(DigestText.details(score, .en) == nil)
        let late = Notice(key: "late/r1/2026-11-24", kind: .late, rule: "attendance", rep: "r1", to: ["r1"], fine: 20, points: 10, message: "late")
        #expect(DigestText.details(late, .en) == "Fine: 20 · Points deducted: 10")
    }

    @Test("subject and headings exist in every locale", arguments: NoticeLocale.allCases)
    func everyLocale(locale: NoticeLocale) {
        let digest = Digest(recipient: "r1", recipientName: "Ana", locale: locale, notices: SampleNotices.mixed)
        let subject = DigestText.subject(digest)
        #expect(subject.hasPrefix("[Tickler] ") && subject.contains("Ana") && subject.contains("4") && subject.contains("3"))
        for kind in NoticeKind.allCases {
            #expect(!DigestText.heading(kind, level: nil, locale).contains("_"), "\(kind) has a real heading")
        }
        let titles = Set(NoticeKind.allCases.map { DigestText.heading($0, level: nil, locale) })
        #expect(titles.count == NoticeKind.allCases.count)
    }
}
