import Foundation
import TicklerCore

/// Finds text that a reader of a locale would not expect: Chinese characters in a Spanish or
/// Hungarian text, Latin words in a Chinese one, traditional characters in simplified Chinese
/// (and the reverse), ASCII punctuation in Chinese, English words left in Spanish or Hungarian.
///
/// `facts` are the strings the text was made from (names, ids, class letters): they are
/// removed first, since a customer's name is written as the office wrote it.
enum ScriptCheck {
    /// What is wrong with `text` for a reader of `locale`; empty when nothing is.
    static func problems(_ text: String, _ locale: NoticeLocale, facts: [String] = []) -> [String] {
        var rest = text
        for fact in (facts + allowed).sorted(by: { $0.count > $1.count }) where !fact.isEmpty {
            rest = rest.replacingOccurrences(of: fact, with: " ")
        }
        var problems: [String] = []
        switch locale {
        case .en, .es, .hu:
            let wide = rest.unicodeScalars.filter(isWide)
            if !wide.isEmpty { problems.append("East Asian characters '\(String(String.UnicodeScalarView(wide)))'") }
            if locale != .en {
                let english = words(rest).filter { englishOnly.contains($0.lowercased()) }
                if !english.isEmpty { problems.append("English words \(english)") }
            }
        case .zhHans, .zhHant:
            let latin = words(rest).filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic && !isWide($0) } }
            if !latin.isEmpty { problems.append("Latin words \(latin)") }
            let ascii = asciiPunctuation(rest)
            if !ascii.isEmpty { problems.append("ASCII punctuation \(ascii) (write ，；：（）)") }
            let mine = locale == .zhHans ? "Hant-Hans" : "Hans-Hant"
            // Converting to the locale's own script must change nothing.
            if let converted = rest.applyingTransform(StringTransform(mine), reverse: false), converted != rest {
                problems.append("characters of the other script: '\(rest)' would be '\(converted)'")
            }
        }
        return problems
    }

    /// Proper names that every locale writes as they are.
    static let allowed = ["Tickler"]

    /// English words that are not also Spanish or Hungarian words (not "plan", "prepare",
    /// "total": Spanish; not "is": Hungarian for "also").
    static let englishOnly: Set<String> = [
        "the", "and", "of", "day", "days", "due", "by", "follow", "followed", "customer", "customers", "class",
        "score", "contact", "contacts", "pool", "overdue", "late", "week", "with", "for", "have", "not", "was",
        "since", "before", "after", "birthday", "greetings", "ready", "new", "report", "points", "point", "fine",
        "checked", "absent", "approve", "approval", "probability", "date", "goal", "month", "returns", "unless",
        "send", "festival", "shared", "your", "please", "notice", "notices", "sent", "step",
        "escalation", "hello", "these", "need", "attention", "reply", "questions", "manager", "in", "on", "at",
        "to", "ago", "left", "times", "window", "registered", "registration", "wins", "first", "same",
        "quarter", "year", "weekly", "monthly", "rep", "visit", "visits",
    ]

    /// Words (runs of letters), leaving out identifiers such as `registered_at` and quoted
    /// store values such as `'won'`.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        func flush() {
            if !current.isEmpty && !current.contains("_") && !quoted { out.append(current) }
            current = ""
        }
        var previous: Character = " "
        for ch in text {
            if ch.isLetter || ch == "_" {
                if current.isEmpty { quoted = previous == "'" }
                current.append(ch)
            } else {
                flush()
            }
            previous = ch
        }
        flush()
        return out
    }

    /// East Asian wide characters, fullwidth forms and CJK punctuation.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// ASCII `, ; ( )` and a `:` that is not between digits (09:00), in a Chinese text.
    static func asciiPunctuation(_ text: String) -> [String] {
        let chars = Array(text)
        var found: [String] = []
        for (i, ch) in chars.enumerated() {
            if ch == "," || ch == ";" || ch == "(" || ch == ")" {
                found.append(String(ch))
            } else if ch == ":" {
                let digits = i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber
                if !digits { found.append(":") }
            }
        }
        return found
    }
}
