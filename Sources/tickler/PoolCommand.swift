import ArgumentParser
import Foundation
import TicklerCore

/// `tickler pool`: the customers due back in the shared pool, for a CRM import.
struct PoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "List the customers to reclaim to the shared pool (the rules' 'pool:' section).",
        // ArgumentParser does not wrap the usage line: wrapped here to stay within 80 columns
        // (HelpAndCompletionTests checks that it names every option).
        usage: "tickler pool --rules <RULES> --store <DIR> [--at <TIME>]\n[--format <format>] [--all] [--no-bom] [--locale <LOCALE>]",
        discussion: """
            Tickler never edits the store: this list is what a CRM import acts on. A customer is
            listed from the day after its last contact (or registration) plus its class's reclaim
            period. --all adds those still inside the warning window, with the days left.

            CSV columns: customer, name, rep, class, last_contact, reclaim_date, days_left.
            CSV starts with a UTF-8 byte order mark, so that a spreadsheet (Excel) shows
            accented and Chinese names right; --no-bom leaves it out for scripts.

            Exit status: 0 listed, 1 invalid rules or no 'pool:' section, 2 usage or unreadable file.

            Example:
              tickler pool --rules rules/office.yaml --store rules/example-store --at 2026-11-24T10:00 --format csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv
    }

    @OptionGroup var input: RulesAndStoreOptions

    @Option(
        name: .long,
        help: ArgumentHelp("As of this time (RFC 3339 or local 2026-11-24T10:00). Default: now.", valueName: "TIME"))
    var at: String?

    @Option(name: .long, help: "Output: text for people, csv for a CRM import.")
    var format: Format = .csv

    @OptionGroup var csv: CSVOptions
    @OptionGroup var language: LocaleOptions

    @Flag(name: .long, help: "Also list the customers inside the warning window.")
    var all = false

    func run() throws {
        let rules = try Inputs.rules(input.rules, language: language)
        guard let pool = rules.pool else {
            Inputs.warn(CommandText.text(.noPool, language.chosen(rules: rules.locale), input.rules))
            throw ExitCode(1)
        }
        let now = try at.map { try Inputs.time($0, option: "at", zone: rules.zone) } ?? Date()
        let (snapshot, _) = try Inputs.store(input.store, rules: rules, locale: language.chosen(rules: rules.locale))
        let evaluator = PoolEvaluator(rule: pool, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
        let entries = evaluator.entries(snapshot, at: now)
            .filter { $0.daysLeft <= (all ? pool.warnBefore.wholeDays : 0) }
        // CSV keeps the column ids a CRM import maps; the text table is for people.
        let l = { (label: ReportText.Label) in ReportText.text(label, language.chosen(rules: rules.locale)) }
        let table = ReportTable(
            id: "pool", title: l(.poolTitle),
            columns: format == .csv
                ? ["customer", "name", "rep", "class", "last_contact", "reclaim_date", "days_left"]
                : [l(.customerID), l(.customer), l(.rep), l(.customerClass), l(.lastContact), l(.reclaimDate), l(.daysLeft)],
            rows: entries.map {
                [$0.customer.id, $0.customer.name, $0.customer.rep, $0.customer.class, "\($0.since)", "\($0.reclaimDate)",
                 "\($0.daysLeft)"]
            })
        print(format == .csv ? csv.output(ReportRendering.csv(table)) : ReportRendering.text(table), terminator: "")
    }
}
