import Foundation
import Testing
import TicklerTestSupport

/// Issue 17 item 8: the commands speak the rules' language, English for the C locale (logs),
/// or --locale.
@Suite("Command output language")
struct LocalizedOutputTests {
    static let example = ["--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-24T10:00"]
    /// A manager's terminal: a language that is not C (office.yaml says zh-Hans).
    static let manager = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"]

    @Test("explain prints in the rules' language, in English for LANG=C, and in --locale")
    func explain() throws {
        let args = ["explain"] + Self.example + ["--customer", "C006"]
        let chinese = try Self.run(args, environment: Self.manager)
        #expect(chinese.status == 0)
        #expect(chinese.text.contains("2026-11-15（sun）不是工作日：顺延至 2026-11-16"), "\(chinese.text)")
        let english = try Self.run(args, environment: ["LC_ALL": "", "LANG": "C"])
        #expect(english.text.contains("2026-11-15 (sun) is not a working day: moved to 2026-11-16"))
        let spanish = try Self.run(args + ["--locale", "es"], environment: Self.manager)
        #expect(spanish.text.contains("2026-11-15 (sun) no es día laborable: se pasa al 2026-11-16"), "\(spanish.text)")
        #expect(try Self.run(args + ["--locale", "fr"], environment: Self.manager).status == 2)
    }

    @Test("ledger, report, pool, test and check follow the same choice")
    func others() throws {
        let ledger = try Self.run(["ledger"] + Self.example + ["--locale", "hu"], environment: Self.manager)
        #expect(ledger.text.contains("R04: bírságok 130, pontok -55, pontszám 45"), "\(ledger.text)")
        let report = try Self.run(["report"] + Self.example + ["--name", "weekly-progress", "--locale", "es"], environment: Self.manager)
        #expect(report.text.contains("Control semanal de avance") && report.text.contains("semana 47"), "\(report.text)")
        let pool = try Self.run(["pool"] + Self.example + ["--format", "text", "--all"], environment: Self.manager)
        #expect(pool.text.contains("将收回公海的客户") && pool.text.contains("剩余天数"), "\(pool.text)")
        let test = try Self.run(["test", "rules/tests/office.test.yaml"], environment: Self.manager)
        #expect(test.text.hasSuffix("项通过，0 项失败\n"), "\(test.text)")
        let check = try Self.run(["check", "rules/office.yaml", "--store", "rules/example-store", "--locale", "zh-Hant"], environment: Self.manager)
        #expect(check.text.contains("OK rules/example-store：業務員 6 名，客戶 18 個"), "\(check.text)")
        #expect(check.text.hasPrefix("OK rules/office.yaml：時區 Asia/Shanghai，語言 zh-Hans，跟進週期 A 7d/B 14d/C 30d，3 個升級級別"), "\(check.text)")
        let english = try Self.run(["test", "rules/tests/office.test.yaml"], environment: ["LC_ALL": "C"])
        #expect(english.text.hasSuffix(" passed, 0 failed\n"))
    }

    @Test("errors a user meets after the rules are read speak the same language; English for logs")
    func errors() throws {
        let unknown = try TicklerBinary.run(["explain"] + Self.example + ["--customer", "C06", "--locale", "es"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no hay ningún cliente 'C06' en el almacén (¿quería decir 'C006'?)"), "\(unknown.stderr)")
        let report = try TicklerBinary.run(["report"] + Self.example + ["--name", "weekly", "--locale", "zh-Hans"])
        #expect(report.status == 1 && report.stderr.contains("中没有名为“weekly”的报表"), "\(report.stderr)")
        let english = try TicklerBinary.run(["explain"] + Self.example + ["--customer", "C06"])
        #expect(english.stderr.contains("no customer 'C06' in the store (did you mean 'C006'?)"), "LC_ALL=C: \(english.stderr)")
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> RawRun.Output {
        try RawRun.tickler(arguments, environment: environment)
    }
}
