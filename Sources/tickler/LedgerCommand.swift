import ArgumentParser
import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore

/// `tickler ledger`: the fines and points of a period, auditable record by record.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "List the fines and points of a period, per rep, with the rule and record behind each.",
        // ArgumentParser does not wrap the usage line: wrapped here to stay within 80 columns
        // (HelpAndCompletionTests checks that it names every option).
        usage: "tickler ledger [--config <FILE>] [--rules <RULES>] [--store <DIR>]\n[--rep <ID>] [--period <PERIOD>] [--at <TIME>] [--format <format>]\n[--no-bom] [--locale <LOCALE>]",
        discussion: """
            With --config, lists what the daemon has charged (the ledger in its state folder).
            With --rules and --store, computes what the store shows for the period up to --at,
            writing nothing (with every reward given in the period).
            CSV starts with a UTF-8 byte order mark, so that a spreadsheet (Excel) shows
            accented and Chinese names right; --no-bom leaves it out for scripts.

            Exit status: 0 listed, 1 invalid input, 2 usage or unreadable file.

            Examples:
              tickler ledger --rules rules/office.yaml --store rules/example-store --at 2026-11-24T10:00 --period 2026-11
              tickler ledger --config /etc/tickler/tickler.yaml --rep R02 --format csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv
    }

    @Option(
        name: .long, help: ArgumentHelp("The daemon config: list what it has charged.", valueName: "FILE"),
        completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(
        name: .long, help: ArgumentHelp("The rules file (with --store).", valueName: "RULES"),
        completion: .file(extensions: ["yaml", "yml"]))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("The data store folder (with --rules).", valueName: "DIR"), completion: .directory)
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Only this rep.", valueName: "ID"))
    var rep: String?

    @Option(
        name: .long,
        help: ArgumentHelp("2026-11 (month, the default: the month of --at), 2026-W48, 2026-11-24, 2026-Q4 or 2026.", valueName: "PERIOD"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("Compute as of this time (default now).", valueName: "TIME"))
    var at: String?

    @Option(name: .long, help: "Output: text for people, csv for a spreadsheet.")
    var format: Format = .text

    @OptionGroup var csv: CSVOptions
    @OptionGroup var language: LocaleOptions

    func validate() throws {
        if (config == nil) == (rules == nil && store == nil) || (config == nil && (rules == nil || store == nil)) {
            throw ValidationError("give either --config FILE, or both --rules RULES and --store DIR")
        }
        if let period, LedgerReport.period(period) == nil {
            throw ValidationError("--period '\(period)' is not a period: write 2026-11, 2026-W48, 2026-11-24, 2026-Q4 or 2026")
        }
    }

    func run() async throws {
        let rulesValue: Rules
        var entries: [LedgerEntry]
        if let config {
            let loaded: (DaemonConfig, Rules)
            do {
                loaded = try TicklerService.load(config)
            } catch {
                for diagnostic in error.diagnostics { Inputs.warn(diagnostic.description) }
                throw ExitCode(1)
            }
            rulesValue = loaded.1
            do {
                try StateOwner.adopt(stateDirectory: loaded.0.state)
                entries = try await LedgerStore(directory: loaded.0.state).all
            } catch {
                Inputs.warn("tickler: \(error)")
                throw ExitCode(2)
            }
        } else {
            rulesValue = try Inputs.rules(rules!, language: language)
            entries = []
        }
        let now = try at.map { try Inputs.time($0, option: "at", zone: rulesValue.zone) } ?? Date()
        let chosen = period.flatMap(LedgerReport.period) ?? CalendarPeriod(.month, containing: rulesValue.zone.localDate(now))
        if let store {
            let (snapshot, _) = try Inputs.store(store, rules: rulesValue, locale: language.chosen(rules: rulesValue.locale))
            let start = rulesValue.zone.instant(chosen.start)
            let end = min(now, rulesValue.zone.instant(chosen.end).addingTimeInterval(-1))
            entries = Evaluator(rules: rulesValue).evaluate(snapshot, at: end, since: start).ledger
            // Every reward given in the period, as the daemon gave them (the evaluation at its
            // end gives only the last ones).
            let cut = snapshot.asOf(end, zone: rulesValue.zone)
            entries += RewardEvaluator(rules: rulesValue).notices(
                datedIn: chosen, cut, at: end, resolver: RecipientResolver(snapshot: cut)
            ).compactMap(Evaluator.ledgerEntry)
        }
        let report = LedgerReport(entries: entries, period: chosen, rep: rep, scoring: rulesValue.scoring)
        let text = report.text(in: language.chosen(rules: rulesValue.locale))
        print(format == .csv ? csv.output(report.csv) : text, terminator: "")
    }
}
