import Testing
import TicklerCore

@Suite struct ExpressionParserTests {
    @Test(
        "operators bind as documented: or < and < not < comparison < + - < * / < unary minus",
        arguments: [
            ("a or b and c", "(or a (and b c))"),
            ("not a and b", "(and (not a) b)"),
            ("not a == 1", "(not (== a 1))"),
            ("1 + 2 * 3 > 4 - 5 / 6", "(> (+ 1 (* 2 3)) (- 4 (/ 5 6)))"),
            ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
            ("1 - 2 - 3", "(- (- 1 2) 3)"),
            ("-x * 2", "(* (- x) 2)"),
            ("status in [\"lead\", \"prospect\"] or x", "(or (in status [\"lead\", \"prospect\"]) x)"),
            ("status not in [\"dead\"]", "(not in status [\"dead\"])"),
            ("customer.name == 'A\\'s'", "(== customer.name \"A's\")"),
            ("count_events(\"late\", 30d) >= 2.5", "(>= count_events(\"late\", 30d) 2.5)"),
            ("days_since(last_contact) > 10 and true", "(and (> days_since(last_contact) 10) true)"),
            ("x == null", "(== x null)"),
            ("\"say \\\"hi\\\"\" == note", "(== \"say \"hi\"\" note)"),
        ])
    func precedence(source: String, outline: String) throws {
        #expect(try ExpressionParser.parse(source).outline == outline)
    }

    @Test(
        "syntax errors point at the offending character",
        arguments: [
            ("status == \"lead\" and", 20, "expected a value"),
            ("(status == \"lead\"", 17, "expected ')'"),
            ("status = \"lead\"", 7, "write '=='"),
            ("a && b", 2, "write 'and'"),
            ("\"open", 0, "no closing"),
            ("a < b < c", 6, "cannot be chained"),
            ("x in \"lead\"", 5, "expected '['"),
            ("7x > 1", 1, "neither a number nor a duration"),
            ("a b", 2, "is an 'and' or 'or' missing?"),
            ("", 0, "empty"),
            ("note == \"\\q\"", 9, "unknown escape"),
            ("a # b", 2, "unexpected character"),
        ])
    func syntaxErrors(source: String, offset: Int, words: String) {
        #expect(throws: ExpressionProblem.self) { try ExpressionParser.parse(source) }
        do {
            _ = try ExpressionParser.parse(source)
        } catch {
            #expect(error.offset == offset)
            #expect(error.message.contains(words), "\(error.message)")
        }
    }

    @Test("a text longer than the limit is refused with a clear message")
    func tooLong() {
        let source = Array(repeating: "1", count: 501).joined(separator: "+")
        #expect(source.unicodeScalars.count > ExpressionParser.maximumLength)
        do {
            _ = try ExpressionParser.parse(source)
            Issue.record("a 1001-character expression parsed")
        } catch {
            #expect(error.message.contains("longer than 1000 characters"))
        }
    }

    @Test("nesting beyond the limit is refused, not recursed into", arguments: ["(", "not ", "-", "lower("])
    func tooDeep(opener: String) {
        let source = String(repeating: opener, count: 100) + "x"
        do {
            _ = try ExpressionParser.parse(source)
            Issue.record("100 levels parsed")
        } catch {
            #expect(error.message.contains("deeper than 32 levels"), "\(error.message)")
        }
    }

    @Test("a long flat chain of operators is refused as too complex")
    func tooComplex() {
        let source = Array(repeating: "a", count: 100).joined(separator: " and ")
        do {
            _ = try ExpressionParser.parse(source)
            Issue.record("a 100-term chain parsed")
        } catch {
            #expect(error.message.contains("too complex"))
        }
    }
}
