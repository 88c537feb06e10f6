import Testing
import TicklerCore

@Suite struct ExpressionCheckTests {
    // `when:` starts at rules.yaml:12:11, so offset N is column 11 + N.
    @Test(
        "each type error is reported at its column inside the expression",
        arguments: [
            ("status > 3", 18, "cannot compare 'status', a text, with a number"),
            ("name == \"x\" and 5", 27, "'and' needs a condition"),
            ("not probability", 15, "'not' needs a condition"),
            ("days_since(name) > 3", 22, "days_since needs a date or a time, but 'name' is a text"),
            ("days_since() > 1", 11, "days_since takes 1 argument, not 0"),
            ("contains(name) ", 11, "contains takes 2 arguments, not 1"),
            ("probability + \"a\" > 1", 23, "'+' works on numbers, but \"a\" is a text"),
            ("next_contact < 2026-11-24", 24, "write a date as date(\"2026-11-24\")"),
            ("next_contact < date(\"2026-13-01\")", 31, "is not a date"),
            ("count_contacts(7) > 1", 26, "needs a window such as 7d"),
            ("count_contacts(2bd) > 1", 26, "business days"),
            ("last_contact > 3d", 26, "a duration such as 7d only goes inside"),
            ("days_since(last_contact)", 11, "the condition is a number, not true or false"),
            ("name > \"A\"", 16, "use == or !="),
            ("phone < null", 17, "only == and != work with null"),
            ("class in [\"A\", 3]", 26, "this list item is a number"),
            ("-name == 1", 11, "'-' works on numbers"),
            ("lower(probability) == \"x\"", 17, "lower works on text"),
            ("name == \"x\" and x > 1", 27, "unknown field 'x' for customers"),
        ])
    func typeErrors(source: String, column: Int, words: String) throws {
        let problems = ExpressionFixture.problems(source)
        try #require(problems.count == 1)
        #expect(problems[0].location == SourceLocation(file: "rules.yaml", line: 12, column: column))
        #expect(problems[0].message.contains(words), "\(problems[0].message)")
    }

    @Test(
        "a misspelt name gets a did-you-mean and the list of what exists",
        arguments: [
            ("stauts == \"lead\"", AlertRule.Subject.customers, 11, "did you mean 'status'?"),
            ("dayz_since(last_contact) > 3", .customers, 11, "did you mean 'days_since'?"),
            ("rep.teem == \"north\"", .customers, 15, "did you mean 'team'?"),
            ("custmer.name == \"x\"", .contacts, 11, "did you mean 'customer'?"),
            ("status == \"prospct\"", .customers, 21, "did you mean \"prospect\"?"),
            ("method in [\"phone\", \"wechta\"]", .contacts, 31, "did you mean \"wechat\"?"),
            ("chek_in > \"08:40\"", .attendance, 11, "did you mean 'check_in'?"),
        ])
    func didYouMean(source: String, subject: AlertRule.Subject, column: Int, words: String) throws {
        let problems = ExpressionFixture.problems(source, for: subject)
        try #require(problems.count == 1)
        #expect(problems[0].location.column == column)
        #expect(problems[0].message.contains(words), "\(problems[0].message)")
    }

    @Test("an unknown field lists the fields of that subject")
    func listsFields() throws {
        let message = try #require(ExpressionFixture.problems("nmae == \"x\"", for: .contacts).first).message
        #expect(message.contains("unknown field 'nmae' for contacts"))
        #expect(message.contains("fields: customer, rep, at, method, progress, outcome, note"))
        #expect(message.contains("customer.FIELD"))
        let reps = try #require(ExpressionFixture.problems("teem == \"x\"", for: .reps).first).message
        #expect(reps.contains("did you mean 'team'?"))
        #expect(reps.contains("fields: id, name, manager, team, email"))
    }

    @Test("columns count Unicode scalars, so text before the error may be Chinese or Hungarian")
    func unicodeColumns() throws {
        let problems = ExpressionFixture.problems("note == \"北京\" and x > 1", for: .contacts)
        #expect(problems.first?.location.column == 28)
        let accented = ExpressionFixture.problems("outcome == \"\u{C9}rdekl\u{0151}d\u{0151}\" and foo", for: .contacts)
        #expect(accented.first?.location.column == 11 + 27)
    }

    @Test("placeholders of the message are checked too, at their column in the message")
    func templateErrors() throws {
        let problems = ExpressionFixture.problems(
            "status == \"lead\"", message: "\u{DC}gyf\u{E9}l {nam}: {customer.phnoe}")
        // Only the first error of a message is reported; the second placeholder waits for the next run.
        try #require(problems.count == 1)
        #expect(problems[0].location == SourceLocation(file: "rules.yaml", line: 14, column: 15 + 8))
        #expect(problems[0].message.contains("did you mean 'name'?"))
        #expect(problems[0].message.hasPrefix("in the message:"))
        let unclosed = ExpressionFixture.problems("true", message: "hello {name")
        #expect(unclosed.first?.location.column == 15 + 6)
        #expect(unclosed.first?.message.contains("never closed") == true)
    }

    @Test("the message examples of docs/expressions.md compile", arguments: [
        ("{name} has a birthday in {days_until(birthday)} day(s): call or send a card", AlertRule.Subject.customers),
        ("{name}: weighted {expected_amount * probability}, last contact {last_contact}", .customers),
        ("{rep.name}: third late greeting this month", .events),
        ("{customer.name}: complaint noted by {rep.name} at {at}", .contacts),
    ])
    func docMessages(message: String, subject: AlertRule.Subject) {
        #expect(ExpressionFixture.problems("true", for: subject, message: message).isEmpty)
    }

    @Test("condition and message errors are reported together, sorted by position")
    func bothReported() {
        let problems = ExpressionFixture.problems("stats == \"lead\"", message: "{nam}")
        #expect(problems.map(\.location.line) == [12, 14])
    }

    @Test(
        "well-formed expressions of every subject compile",
        arguments: [
            ("status == \"prospect\" and days_since(last_contact) > 10", AlertRule.Subject.customers),
            ("days_until(birthday) <= 3 and class == \"A\"", .customers),
            ("close_date < today() and probability >= 0.5", .customers),
            ("next_contact == \"2026-11-24\" or registered_at < date(\"2026-01-01\")", .customers),
            ("contacts_count == 0 and rep.team == \"north\" and manager.name != null", .customers),
            ("progress >= 80 and method in [\"visit\", \"phone\"] and customer.class == \"A\"", .contacts),
            ("contains(note, \"complaint\") and lower(outcome) == \"lost\"", .contacts),
            ("count_contacts(1w) < 20 and team == \"north\"", .reps),
            ("check_in > \"08:40\" and not excused", .attendance),
            ("absent and count_events(\"late_greeting\", 30d) >= 3", .attendance),
            ("event == \"floor_quarrel\" and customer.name != null", .events),
            // The examples of docs/expressions.md.
            ("class == \"A\" and days_until(birthday) <= 1", .customers),
            ("expected_amount * probability >= 100000 and days_since(last_contact) > 7", .customers),
            ("contacts_count == 0 and days_since(registered_at) >= 3", .customers),
            ("count_contacts(1w) < 10 and team == \"north\"", .reps),
            ("event == \"late_greeting\" and count_events(\"late_greeting\", 30d) >= 3 and days_since(at) == 0", .events),
            ("contains(note, \"complaint\") or contains(note, \"投诉\")", .contacts),
            ("check_in > \"08:45\" and not excused", .attendance),
        ])
    func compiles(source: String, subject: AlertRule.Subject) {
        #expect(ExpressionFixture.problems(source, for: subject).isEmpty)
    }
}
