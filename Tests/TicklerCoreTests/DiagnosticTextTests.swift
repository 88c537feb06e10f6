import Foundation
import Testing
import TicklerCore

/// Issue 17 item 8: the rules' diagnostics in the manager's language, English for logs.
@Suite struct DiagnosticTextTests {
    @Test("every diagnostic text and phrase has a translation in every locale, with the same values", arguments: NoticeLocale.allCases)
    func everyKey(locale: NoticeLocale) {
        #expect(DiagnosticText.untranslated(locale) == [], "these still print in English")
        for key in DiagnosticText.Key.allCases {
            let text = DiagnosticText.translation(key, locale) ?? ""
            #expect(CommandTextTests.placeholders(text) == CommandTextTests.placeholders(DiagnosticText.english(key)), "\(locale) \(key): \(text)")
        }
    }

    @Test("the message stays English; the position is the same in every language; no key falls back to English")
    func renders() throws {
        let text = "version: 1\ntimezone: Asia/Shanghai\nfollowup:\n  cadance: { A: 7d }\n"
        let error = try #require(throws: DiagnosticsError.self) { try RulesParser.parse(text, file: "rules.yaml") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "unknown key 'cadance' in 'followup'; did you mean 'cadence'?")
        #expect(diagnostic.description == "rules.yaml:4:3: " + diagnostic.message)
        #expect(diagnostic.description(in: .es) == "rules.yaml:4:3: clave desconocida 'cadance' en 'followup'; ¿quiso decir 'cadence'?")
        #expect(diagnostic.description(in: .hu) == "rules.yaml:4:3: ismeretlen kulcs: 'cadance' (itt: 'followup'); erre gondolt: 'cadence'?")
        #expect(diagnostic.description(in: .zhHans) == "rules.yaml:4:3: 'followup' 中有未知的键 'cadance'；是不是想写 'cadence'？")
        let plain = Diagnostic(SourceLocation(file: "f", line: 1, column: 2), "an English-only message")
        #expect(plain.description(in: .zhHant) == "f:1:2: an English-only message")
    }

    @Test("a phrase in a value is said in the language: a list where a time was expected")
    func phrase() throws {
        let text = "version: 1\ntimezone: Asia/Shanghai\nattendance:\n  start: [1, 2]\n"
        let error = try #require(throws: DiagnosticsError.self) { try RulesParser.parse(text, file: "rules.yaml") }
        let lines = error.diagnostics.map { $0.description(in: .hu) }
        #expect(lines.contains { $0.contains("időpont ÓÓ:PP alakban kell, nem lista") }, "\(lines)")
    }

    @Test("the locale of a rules file that does not parse", arguments: [
        ("version: 1\nlocale: es\nfollowup: [\n", NoticeLocale?.some(.es)),
        ("locale: \"zh-Hant\"   # notices\n", .zhHant), ("  locale: hu\n", nil), ("locale: fr\n", nil), ("version: 1\n", nil),
    ])
    func declaredLocale(text: String, expected: NoticeLocale?) {
        #expect(RulesLocaleScan.declaredLocale(in: text) == expected)
    }
}
