import ArgumentParser
import Foundation
import TicklerCore

/// `tickler report`: prints a scheduled report as it is (or was) due at a time.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a scheduled report from the rules' 'reports:' section, as a table or CSV.",
        // ArgumentParser does not wrap the usage line: wrapped here to stay within 80 columns
        // (HelpAndCompletionTests checks that it names every option).
        usage: "tickler report --rules <RULES> --store <DIR> --name <NAME> [--at <TIME>]\n[--format <format>] [--no-bom] [--locale <LOCALE>]",
        discussion: """
            The report covers the last complete period before its latest scheduled time at --at
            (a weekly report due Monday 09:00 shows the week that ended on Sunday).
            CSV is RFC 4180 (CRLF line ends), one block per table, for a spreadsheet.
            CSV starts with a UTF-8 byte order mark, so that a spreadsheet (Excel) shows
            accented and Chinese names right; --no-bom leaves it out for scripts.

            Exit status: 0 printed, 1 invalid rules or unknown report name, 2 usage or unreadable file.

            Examples:
              tickler report --rules rules/office.yaml --store rules/example-store --name weekly-progress --at 2026-11-24T10:00
              tickler report --rules rules/office.yaml --store rules/example-store --name weekly-progress --format csv > week.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv
    }

    @OptionGroup var input: RulesAndStoreOptions

    @Option(name: .long, help: ArgumentHelp("The report's name in the rules.", valueName: "NAME"))
    var name: String

    @Option(
        name: .long,
        help: ArgumentHelp("As of this time (RFC 3339 or local 2026-11-24T10:00). Default: now.", valueName: "TIME"))
    var at: String?

    @Option(name: .long, help: "Output: text for people, csv for a spreadsheet.")
    var format: Format = .text

    @OptionGroup var csv: CSVOptions
    @OptionGroup var language: LocaleOptions

    func run() throws {
        var rules = try Inputs.rules(input.rules, language: language)
        rules.locale = language.chosen(rules: rules.locale)
        guard let rule = rules.reports.first(where: { $0.name == name }) else {
            let names = rules.reports.map(\.name)
            Inputs.warn(
                names.isEmpty
                    ? CommandText.text(.noReports, rules.locale, input.rules)
                    : CommandText.text(.unknownReport, rules.locale, name, input.rules, names.joined(separator: ", ")))
            throw ExitCode(1)
        }
        let now = try at.map { try Inputs.time($0, option: "at", zone: rules.zone) } ?? Date()
        let (snapshot, _) = try Inputs.store(input.store, rules: rules, locale: language.chosen(rules: rules.locale))
        let report = ReportBuilder(rules: rules).report(rule, snapshot, at: now)
        switch format {
        case .text: print(ReportRendering.text(report), terminator: "")
        case .csv: print(csv.output(ReportRendering.csv(report)), terminator: "")
        }
    }
}
