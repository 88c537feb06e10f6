import Foundation

/// Runs the cases of a rule test file against evaluated notices. Pure: the caller loads the
/// rules and the fixture store.
package struct RuleTestRunner: Sendable {
    package var rules: Rules
    package var snapshot: Snapshot

    package init(rules: Rules, snapshot: Snapshot) {
        self.rules = rules
        self.snapshot = snapshot
    }

    /// The failures of one case, each a diagnostic at the matcher (or the case) with expected
    /// vs actual; empty when the case passes.
    package func run(_ testCase: RuleTestCase) -> [Diagnostic] {
        guard let now = InstantText.parse(testCase.at, zone: rules.zone) else {
            return [Diagnostic(testCase.atLocation, "'at: \(testCase.at)' is not a time; write 2026-11-24T10:00 or RFC 3339")]
        }
        var since: Date?
        if let text = testCase.since {
            since = InstantText.parse(text, zone: rules.zone)
            if since == nil {
                return [Diagnostic(testCase.sinceLocation ?? testCase.location, "'since: \(text)' is not a time")]
            }
        }
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: now, since: since).notices
        var failures: [Diagnostic] = []
        for matcher in testCase.expect where !notices.contains(where: { Self.matches(matcher, $0) }) {
            var message = "expected a notice \(matcher) at \(testCase.at); none matches"
            if let closest = Self.closest(matcher, notices) {
                message += "\n    closest: \(closest.key): " + Self.differences(matcher, closest).joined(separator: ", ")
            } else {
                message += " (there are no notices at all)"
            }
            failures.append(Diagnostic(matcher.location, message))
        }
        for matcher in testCase.absent {
            let found = notices.filter { Self.matches(matcher, $0) }
            guard !found.isEmpty else { continue }
            failures.append(
                Diagnostic(
                    matcher.location,
                    "expected no notice \(matcher) at \(testCase.at); found "
                        + found.prefix(3).map(\.key).joined(separator: ", ") + (found.count > 3 ? ", ..." : "")))
        }
        return failures
    }

    /// A notice's field as text, for matching and messages.
    package static func value(_ name: String, of notice: Notice) -> NoticeMatcher.Value {
        let text: String?
        switch name {
        case "key": text = notice.key
        case "kind": text = notice.kind.rawValue
        case "rule": text = notice.rule
        case "rep": text = notice.rep
        case "customer": text = notice.customer
        case "to": return .list(notice.to)
        case "due": text = notice.due?.description
        case "level": text = notice.level.map(String.init)
        case "fine": text = notice.fine.map { "\($0)" }
        case "points": text = notice.points.map(String.init)
        case "message": text = notice.message
        case "days": text = notice.days.map(String.init)
        case "minutes": text = notice.minutes.map(String.init)
        case "score": text = notice.score.map(String.init)
        case "date": text = notice.date?.description
        case "source": text = notice.source
        default: text = nil
        }
        return text.map(NoticeMatcher.Value.text) ?? .null
    }

    static func fieldMatches(_ name: String, _ expected: NoticeMatcher.Value, _ notice: Notice) -> Bool {
        let actual = value(name, of: notice)
        switch (name, expected, actual) {
        case ("message", .text(let want), .text(let have)): return have.contains(want)
        case (_, .list(let want), .list(let have)): return want.sorted() == have.sorted()
        case ("to", .text(let want), .list(let have)): return have == [want]
        case ("fine", .text(let want), .text(let have)): return Decimal(string: want) == Decimal(string: have)
        default: return expected == actual
        }
    }

    static func matches(_ matcher: NoticeMatcher, _ notice: Notice) -> Bool {
        matcher.fields.allSatisfy { fieldMatches($0.name, $0.value, notice) }
    }

    static func differences(_ matcher: NoticeMatcher, _ notice: Notice) -> [String] {
        matcher.fields.filter { !fieldMatches($0.name, $0.value, notice) }.map {
            "\($0.name) is \(value($0.name, of: notice)), not \($0.value)"
        }
    }

    /// The notice agreeing with the most fields (ties: the first), when any agrees at all.
    static func closest(_ matcher: NoticeMatcher, _ notices: [Notice]) -> Notice? {
        var best: (Notice, Int)?
        for notice in notices {
            let score = matcher.fields.count - differences(matcher, notice).count
            if score > 0, score > (best?.1 ?? 0) { best = (notice, score) }
        }
        return best?.0
    }
}
