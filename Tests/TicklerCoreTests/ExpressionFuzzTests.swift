import Foundation
import Testing
import TicklerCore

@Suite struct ExpressionFuzzTests {
    typealias F = ExpressionFixture

    typealias Seeded = SeededGenerator

    static let seeds = [
        "status == \"prospect\" and days_since(last_contact) > 10",
        "days_until(birthday) <= 3 and class in [\"A\", \"B\"] or not (probability * 2 >= 0.5)",
        "count_contacts(7d) < 2 and count_events(\"late_greeting\", 30d) >= 1 and rep.team == \"north\"",
        "contains(lower(note), \"投诉\") and progress - 10 > -5 / 2",
        "check_in > \"08:40\" and not excused and date == date(\"2026-11-24\")",
        "{customer.name}: {days_since_last_contact} days {{x}} {rep.name}",
    ]
    static let vocabulary = [
        "status", "name", "last_contact", "birthday", "customer", ".", "rep", "manager", "team", "(", ")", "[", "]",
        ",", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "and", "or", "not", "in", "null", "true", "7d",
        "0bd", "10", "3.5", "\"lead\"", "'x'", "\"", "\\", "{", "}", "days_since", "days_until", "count_contacts",
        "count_events", "lower", "contains", "date", "today", "北京", "É", "\u{0301}", "99999999999999999999", " ",
        "\n", "=", "!", "&&", "at", "check_in", "progress", "event", "\u{0}", "😀",
    ]

    static let snapshot = Snapshot(
        reps: [Rep(id: "r1", name: "Li", manager: "r2", team: "north"), Rep(id: "r2", name: "Boss")],
        customers: [
            Customer(id: "C1", name: "Acme", rep: "r1", class: "A", status: .prospect, birthday: F.day("2000-02-29")),
            Customer(id: "C2", name: "Zero", rep: "nobody", class: "B"),
        ],
        contacts: [Contact(customer: "C1", rep: "r1", at: F.at("2026-11-20T10:00"), note: "投诉")],
        attendance: [AttendanceRecord(rep: "r1", date: F.day("2026-11-24"), checkIn: TimeOfDay(parsing: "08:50"))],
        events: [EventRecord(rep: "r1", at: F.at("2026-11-21T10:00"), event: "late_greeting", customer: "C9")])

    static func mutate(_ text: String, _ rng: inout Seeded) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let token = Array(vocabulary.randomElement(using: &rng)!.unicodeScalars)
            let i = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: if !scalars.isEmpty { scalars.remove(at: i) }
            case 1: scalars.insert(contentsOf: token, at: i)
            default: if !scalars.isEmpty { scalars[i] = token.first ?? " " }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test("thousands of random and mutated expressions and messages never crash the compiler or evaluator")
    func fuzz() {
        var rng = Seeded(state: 20_261_124)
        var compiled = 0
        for round in 0..<4000 {
            let when: String
            if round % 2 == 0 {
                when = Self.mutate(Self.seeds.randomElement(using: &rng)!, &rng)
            } else {
                when = (0..<Int.random(in: 0...12, using: &rng))
                    .map { _ in Self.vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
            }
            let message = round % 3 == 0 ? Self.mutate(Self.seeds.last!, &rng) : nil
            let subject = AlertRule.Subject.allCases.randomElement(using: &rng)!
            do {
                let alert = try CompiledAlert.compile(F.rule(when, for: subject, message: message))
                compiled += 1
                for now in ["2026-11-24T09:00", "2028-02-29T23:59"] {
                    _ = AlertEvaluator.evaluate(
                        alert, snapshot: Self.snapshot, at: F.at(now), zone: F.budapest, locale: .en)
                }
            } catch {
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location.line >= 12)
                    #expect((diagnostic.location.column ?? 0) >= 11)
                    #expect(!diagnostic.message.isEmpty)
                }
            }
        }
        // The mutations keep enough expressions valid to exercise evaluation too.
        #expect(compiled > 10)
    }

    @Test("pathological inputs are refused with a message, not a crash", arguments: [
        String(repeating: "(", count: 5000),
        String(repeating: "not ", count: 300),
        String(repeating: "-", count: 900) + "1 > 0",
        "\"" + String(repeating: "\\", count: 999),
        String(repeating: "a.", count: 400),
        "count_events(" + String(repeating: "\"x\",", count: 200) + "1d) > 0",
        "{" + String(repeating: "{", count: 300),
    ])
    func pathological(text: String) {
        let problems = F.problems(text) + F.problems("true", message: text)
        #expect(!problems.isEmpty)
    }
}
