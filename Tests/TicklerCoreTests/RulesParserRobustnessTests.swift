import Foundation
import Testing
import TicklerCore

@Suite("RulesParser: all problems in one run, and no input makes it crash or hang")
struct RulesParserRobustnessTests {
    @Test("a file with many mistakes reports every one of them, sorted by position")
    func manyErrors() throws {
        let problems = RulesFixtures.problems(try RulesFixtures.text("many-errors"), file: "many.yaml")
        let expected = [
            "many.yaml:3:9: unknown locale 'zh-CN'",
            "many.yaml:5:32: the cadence of C must be a duration",
            "many.yaml:8:14: 'after: 3d' must be later than the previous step's 'after: 7d' (line 7)",
            "many.yaml:13:15: lateness from 10m to 20m has no tier (a gap)",
            "many.yaml:15:39: unknown key 'pionts' in a penalty; did you mean 'points'?",
            "many.yaml:19:13: alert 'stale' is already used at line 18",
        ]
        #expect(problems.count == expected.count, "\(problems)")
        for (problem, prefix) in zip(problems, expected) {
            #expect(problem.hasPrefix(prefix), "\(problem)")
        }
        #expect(problems == problems.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
    }

    @Test("a billion-laughs alias bomb is refused at its first alias, without expanding it")
    func aliasBomb() throws {
        let problems = RulesFixtures.problems(try RulesFixtures.text("alias-bomb"))
        #expect(problems.first?.hasPrefix("rules.yaml:4:8: YAML aliases (*name) are not allowed") == true, "\(problems)")
        #expect(problems.count == 20)
    }

    @Test("nesting deeper than the limit is refused at the first level too deep")
    func deepNesting() {
        let flow = "version: 1\ntimezone: UTC\nx: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(RulesFixtures.problems(flow) == [
            "rules.yaml:3:67: the YAML nests deeper than 64 levels; this file never needs that, check the brackets and indentation"
        ])
        // libyaml's own limit (1000) stops an unbalanced flood before its events reach the prescan.
        let flood = "version: 1\ntimezone: UTC\nx: " + String(repeating: "[", count: 100_000)
        #expect(RulesFixtures.problems(flood).first?.hasPrefix("rules.yaml:3:") == true)
        var block = "version: 1\ntimezone: UTC\n"
        for level in 0..<200 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(RulesFixtures.problems(block).first?.contains("nests deeper than 64 levels") == true)
    }

    @Test("YAML syntax errors become FILE:LINE:COLUMN diagnostics")
    func syntaxErrors() {
        #expect(RulesFixtures.problems("version: 1\ntimezone: 'UTC\n").first?
            .hasPrefix("rules.yaml:3:1: YAML syntax error: found unexpected end of stream") == true)
        let tab = RulesFixtures.problems("version: 1\n\ttimezone: UTC\n")
        #expect(tab.first?.hasPrefix("rules.yaml:2:1: a tab is used for indentation here; tabs are not allowed in YAML") == true, "\(tab)")
        #expect(RulesFixtures.problems("version: 1\ntimezone: UTC\n---\nversion: 1\n").first?
            .hasPrefix("rules.yaml:3:1: YAML syntax error: but found another document") == true)
    }

    @Test("every duplicate key is reported where it is repeated")
    func duplicateKeys() {
        let problems = RulesFixtures.problems("version: 1\ntimezone: UTC\nscoring: { start: 1, start: 2, warn_below: 1 }\nversion: 1\n")
        #expect(problems == [
            "rules.yaml:3:22: 'start' is given twice in the same mapping (first at line 3); keep one of them",
            "rules.yaml:4:1: 'version' is given twice in the same mapping (first at line 1); keep one of them",
        ])
    }

    @Test("an empty file, a comment-only file and a non-mapping file are reported, not crashed on")
    func emptyAndOdd() {
        #expect(RulesFixtures.problems("").first?.hasPrefix("rules.yaml:1:1: the rules file is empty") == true)
        #expect(RulesFixtures.problems("# nothing yet\n").first?.hasPrefix("rules.yaml:1:1: the rules file is empty") == true)
        #expect(RulesFixtures.problems("- version: 1\n") == [
            "rules.yaml:1:1: the rules file must be a mapping of 'key: value' lines, not a list"
        ])
        #expect(RulesFixtures.problems("just text").count == 1)
    }

    @Test("truncated and mutated versions of office.yaml never crash and always point inside the file")
    func fuzz() throws {
        let office = try RulesFixtures.officeRules()
        let scalars = Array(office.unicodeScalars)
        let lineCount = office.split(separator: "\n", omittingEmptySubsequences: false).count
        var inputs: [String] = []
        for end in stride(from: 0, to: scalars.count, by: 23) {
            inputs.append(String(String.UnicodeScalarView(scalars[0..<end])))
        }
        var random = SeededGenerator(state: 2026)
        let noise: [Unicode.Scalar] = [":", "-", "[", "]", "{", "}", "#", "&", "*", "'", "\"", "\n", "\t", " ", "0", "x", "!", "|", ">", "%", "@", "?", ",", "中"]
        for _ in 0..<400 {
            var mutated = scalars
            for _ in 0..<Int(random.next() % 4 + 1) {
                let at = Int(random.next() % UInt64(mutated.count))
                switch random.next() % 3 {
                case 0: mutated[at] = noise[Int(random.next() % UInt64(noise.count))]
                case 1: mutated.remove(at: at)
                default: mutated.insert(noise[Int(random.next() % UInt64(noise.count))], at: at)
                }
            }
            inputs.append(String(String.UnicodeScalarView(mutated)))
        }
        var valid = 0
        for input in inputs {
            do {
                _ = try RulesParser.parse(input, file: "office.yaml")
                valid += 1
            } catch {
                #expect(!error.diagnostics.isEmpty)
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location.file == "office.yaml")
                    #expect((1...lineCount + 2).contains(diagnostic.location.line), "\(diagnostic)")
                    #expect(diagnostic.location.column.map { $0 >= 1 } == true, "\(diagnostic)")
                }
            }
        }
        #expect(valid < inputs.count)
    }
}
