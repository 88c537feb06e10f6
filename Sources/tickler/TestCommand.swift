import ArgumentParser
import Foundation
import TicklerCore
import TicklerStore

/// `tickler test FILE...`: rule unit tests for managers.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule unit tests: a fixture store, a time, and the notices expected then.",
        discussion: """
            A test file names the rules, a store (a folder, or records written inline) and cases:

              rules: ../rules/office.yaml
              store: ../rules/example-store
              cases:
                - at: 2026-11-24T10:00
                  expect:
                    - { kind: overdue, customer: C005, level: 2, fine: 10 }
                  absent:
                    - { customer: C001 }

            Each expected notice must match one notice on the fields listed (message: contained;
            to: the same ids); no notice may match an absent one. A failure is printed at the
            line of the notice that failed, with the closest actual notice.

            Exit status: 0 all passed, 1 a case failed or a file is invalid, 2 usage or unreadable file.

            Example:
              tickler test rules/tests/*.yaml
            """
    )

    @Argument(help: ArgumentHelp("Rule test files.", valueName: "FILE"), completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    @OptionGroup var language: LocaleOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one test file") }
    }

    func run() throws {
        // The summary speaks the first rules' language (or --locale, or English for C).
        var rulesLocale: NoticeLocale?
        var passed = 0
        var failed = 0
        var unreadable = false
        for file in files {
            do {
                let (ok, bad) = try runFile(file, rulesLocale: &rulesLocale)
                passed += ok
                failed += bad
            } catch let exit as ExitCode {
                if exit.rawValue == 2 { unreadable = true }
                failed += 1
            }
        }
        print(CommandText.text(.testSummary, language.chosen(rules: rulesLocale), "\(passed)", "\(failed)"))
        if failed > 0 { throw ExitCode(unreadable ? 2 : 1) }
    }

    /// Runs one file's cases; returns (passed, failed).
    private func runFile(_ file: String, rulesLocale: inout NoticeLocale?) throws -> (Int, Int) {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(file, maxBytes: YAMLLimits().maxBytes)
        } catch .unreadable(let reason) {
            Inputs.warn("\(file): cannot read the test file: \(reason)")
            throw ExitCode(2)
        } catch {
            Inputs.warn(TextFile.diagnostic(error, path: file, what: "rule test file").description)
            throw ExitCode(1)
        }
        let test: RuleTestFile
        do {
            test = try RuleTestParser.parse(text, file: file)
        } catch {
            for diagnostic in error.diagnostics { Inputs.warn(diagnostic.description(in: language.chosen(rules: rulesLocale))) }
            throw ExitCode(1)
        }
        let folder = (file as NSString).deletingLastPathComponent
        let rules = try Inputs.rules(
            Self.resolve(test.rules, in: folder), locale: language.chosen(rules: rulesLocale),
            language: rulesLocale == nil ? language : nil)
        if rulesLocale == nil { rulesLocale = rules.locale }
        let locale = language.chosen(rules: rules.locale)
        let snapshot: Snapshot
        switch test.store {
        case .directory(let path, _):
            let (loaded, bad) = try Inputs.store(Self.resolve(path, in: folder), rules: rules, locale: locale)
            if bad > 0 { Inputs.warn(CommandText.text(.testFixtureBad, locale, file)) }
            snapshot = loaded
        case .inline(let collections, _):
            let load = InlineStore(
                zone: rules.zone, classes: rules.classes, contactMethods: rules.knownContactMethods.map(\.rawValue)).load(collections)
            for diagnostic in load.diagnostics { Inputs.warn(diagnostic.description(in: locale)) }
            if !load.diagnostics.isEmpty {
                Inputs.warn(CommandText.text(.testInlineBad, locale, file))
                throw ExitCode(1)
            }
            snapshot = load.snapshot
        }
        let runner = RuleTestRunner(rules: rules, snapshot: snapshot)
        var passed = 0
        var failed = 0
        for testCase in test.cases {
            let failures = runner.run(testCase)
            let label = "\(testCase.location)" + (testCase.name.map { " \($0)" } ?? " at \(testCase.at)")
            if failures.isEmpty {
                passed += 1
                print("PASS \(label)")
            } else {
                failed += 1
                print("FAIL \(label)")
                for failure in failures { print("  \(failure)") }
            }
        }
        return (passed, failed)
    }

    static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
    }
}
