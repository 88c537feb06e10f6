import Foundation
import Testing
import TicklerCore
import TicklerDelivery

/// Issue 14 item 7, issue 17 item 10: every text a reader gets is in the reader's language
/// and script, for every kind of notice (``NoticeKind/allCases``) and every locale.
@Suite("Texts in the reader's script")
struct LocaleScriptTests {
    @Test("every notice kind renders in every locale in that locale's script", arguments: NoticeLocale.allCases)
    func everyKind(locale: NoticeLocale) {
        for kind in NoticeKind.allCases {
            guard let variants = NoticeSamples.facts(kind, locale) else {
                let text = AlertEvaluator.defaultMessage("X1", NoticeSamples.names(locale).customer, locale)
                #expect(ScriptCheck.problems(text, locale, facts: NoticeSamples.factStrings(locale) + ["X1"]) == [], "\(text)")
                continue
            }
            for facts in variants {
                let text = NoticeText.render(kind, facts, locale: locale)
                #expect(!text.isEmpty && !text.hasPrefix(kind.rawValue + ":"), "\(kind) has no text of its own: \(text)")
                #expect(ScriptCheck.problems(text, locale, facts: NoticeSamples.factStrings(locale)) == [], "\(kind): \(text)")
            }
        }
    }

    @Test(
        "a digest in every locale shows notices written in another language in the reader's, in its text and its notices",
        arguments: NoticeLocale.allCases)
    func digestOfForeignNotices(locale: NoticeLocale) throws {
        let written: NoticeLocale = locale == .zhHans || locale == .zhHant ? .es : .zhHans
        var notices: [Notice] = []
        for kind in NoticeKind.allCases {
            for (i, facts) in (NoticeSamples.facts(kind, locale) ?? []).enumerated() {
                notices.append(NoticeSamples.notice(kind, facts, written: written, index: i))
            }
        }
        let digest = Digest(recipient: "R1", recipientName: NoticeSamples.names(locale).rep, locale: locale, notices: notices)
        let facts = NoticeSamples.factStrings(locale) + notices.map(\.key) + ["R1", "C1"]
        for notice in digest.notices {
            #expect(ScriptCheck.problems(notice.message, locale, facts: facts) == [], "\(notice.kind): \(notice.message)")
        }
        let body = DigestText.body(digest)
        for line in body.split(separator: "\n") {
            #expect(ScriptCheck.problems(String(line), locale, facts: facts) == [], "\(line)")
        }
        #expect(ScriptCheck.problems(DigestText.subject(digest), locale, facts: facts) == [])
        for kind in NoticeKind.allCases {
            let heading = DigestText.heading(kind, level: kind == .overdue ? 2 : nil, locale)
            #expect(ScriptCheck.problems(heading, locale) == [], "\(heading)")
        }
    }

    @Test("every report heading, column and note is in the locale's script", arguments: NoticeLocale.allCases)
    func reportTexts(locale: NoticeLocale) {
        for label in ReportText.Label.allCases {
            let text = ReportText.text(label, locale)
            // 'won' is the store's outcome value, quoted as the office writes it.
            #expect(ScriptCheck.problems(text, locale, facts: ["won"]) == [], "\(label): \(text)")
        }
        for days in [nil, 1, 30] {
            let text = ReportText.newProspectNote(within: days, locale)
            #expect(ScriptCheck.problems(text, locale) == [], "\(text)")
        }
    }

    @Test("every command text is in the locale's script (identifiers of the rules aside)", arguments: NoticeLocale.allCases)
    func commandTexts(locale: NoticeLocale) {
        // Rule keys and options that the texts name as they are written.
        let identifiers = [
            "followup", "reps", "calendar.holidays", "calendar.workdays", "--customer", "--at", "OK", "reports:", "pool:",
            "- { name: weekly-progress, every: \"mon 09:00\" }", "pool: { reclaim: { A: 30d, B: 45d, C: 90d } }",
        ]
        for key in CommandText.Key.allCases {
            let text = CommandText.text(key, locale, (0..<8).map { "{\($0)}" })
            let values = (0..<8).map { "{\($0)}" }
            #expect(ScriptCheck.problems(text, locale, facts: identifiers + values) == [], "\(key): \(text)")
        }
    }

    @Test("the checker finds what it is for")
    func checkerFinds() {
        #expect(ScriptCheck.problems("Lucía: 客户 overdue", .es, facts: ["Lucía"]).count == 2)
        #expect(ScriptCheck.problems("客户 王芳 is overdue", .zhHans, facts: ["王芳"]).count == 1)
        #expect(ScriptCheck.problems("客户 王芳（A类, B类）", .zhHans, facts: ["王芳", "A", "B"]).count == 1)
        #expect(ScriptCheck.problems("請跟進客戶", .zhHans) != [])
        #expect(ScriptCheck.problems("请跟进客户", .zhHant) != [])
        #expect(ScriptCheck.problems("请跟进客户 王芳（A类）。", .zhHans, facts: ["王芳", "A"]) == [])
        #expect(ScriptCheck.problems("El seguimiento de Lucía vence el 24 de noviembre.", .es, facts: ["Lucía"]) == [])
    }
}
