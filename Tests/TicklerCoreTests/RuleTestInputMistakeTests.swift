import Foundation
import Testing
import TicklerCore

/// Rule test files: a `kind:` no notice has is a typo, named with did-you-mean.
@Suite struct RuleTestKindTests {
    @Test("kind: absant in an expectation is an error at its position, with did-you-mean")
    func unknownKind() {
        let text = "rules: r.yaml\nstore: s\ncases:\n  - name: x\n    at: 2026-11-23T20:00\n    expect:\n      - { kind: absant, rep: r2 }\n"
        do {
            _ = try RuleTestParser.parse(text, file: "t.yaml")
            Issue.record("must fail")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["t.yaml:7:17: unknown notice kind 'absant'; did you mean 'absent'?"])
        }
    }
}

/// Rule test files get the same one-run reading past YAML keyboard mistakes as the rules.
@Suite struct RuleTestTypoTests {
    @Test("a full-width colon and an unknown key in a rule test file are both reported")
    func typoAndUnknownKey() {
        let text = "rules: r.yaml\nstore：s\ncases:\n  - name: x\n    at: 2026-11-23T20:00\n    expct: []\n"
        do {
            _ = try RuleTestParser.parse(text, file: "t.yaml")
            Issue.record("must fail")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [2, 4, 6], "\(error)")
            #expect(error.diagnostics.last?.message.contains("did you mean 'expect'") == true, "\(error)")
        }
    }
}
