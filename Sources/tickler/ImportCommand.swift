import ArgumentParser
import Foundation
import TicklerCore
import TicklerImport
import TicklerStore

/// `tickler import`: an office's sheet (CSV or XLSX) into a store collection.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a sheet (CSV or XLSX) into a collection of the data store.",
        usage: """
            tickler import COLLECTION FILE --store DIR [--map MAP.yaml]
                     [--rules RULES] [--dry-run] [--skip-bad] [--encoding NAME]
                     [--separator CHAR] [--date-format dmy|mdy] [--decimal CHAR]
                     [--sheet NAME]
            """,
        discussion: """
            Headers in English, Spanish, Hungarian and Chinese are recognised (客户名称,
            电话, Nombre, Teléfono, Ügyfél neve, ...); a mapping file (--map) names the
            others and maps values (VIP -> A). The encoding (UTF-8, GB18030, UTF-16,
            Windows-1250/1252) and the separator (, ; tab) are detected.

            reps and customers are upserted by id; contacts, attendance, events and
            reports are appended, and a row already in the store is not added twice.
            A bad cell is reported as FILE:ROW:COLUMN (header): message, and nothing is
            written unless --skip-bad. Writes are atomic and safe while serve runs.

            Exit status: 0 imported (or nothing to do), 1 a bad row (with --skip-bad
            the good rows are written), 2 usage or I/O.

            Examples:
              tickler import customers 客户.csv --store store --dry-run
              tickler import contacts odoo.csv --store store \\
                  --map rules/import/odoo-activities.yaml
            See docs/import.md.
            """
    )

    @Argument(
        help: ArgumentHelp("reps, customers, contacts, attendance, events or reports.", valueName: "COLLECTION"),
        completion: .list(["reps", "customers", "contacts", "attendance", "events", "reports"]))
    var collection: String

    @Argument(
        help: ArgumentHelp("The sheet: .csv, .tsv, .txt or .xlsx.", valueName: "FILE"),
        completion: .file(extensions: ["csv", "tsv", "txt", "xlsx"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The data store folder.", valueName: "DIR"), completion: .directory)
    var store: String

    @Option(
        name: .long, help: ArgumentHelp("A mapping file: columns, values, defaults.", valueName: "MAP.yaml"),
        completion: .file(extensions: ["yaml", "yml"]))
    var map: String?

    @Option(
        name: .long, help: ArgumentHelp("The rules file: customer classes and timezone.", valueName: "RULES"),
        completion: .file(extensions: ["yaml", "yml"]))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("utf-8, gb18030, utf-16, windows-1250, windows-1252.", valueName: "NAME"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("The CSV separator: , ; or tab.", valueName: "CHAR"))
    var separator: String?

    @Option(name: .long, help: ArgumentHelp("How 03/04/2026 reads: dmy or mdy.", valueName: "ORDER"))
    var dateFormat: String?

    @Option(name: .long, help: ArgumentHelp("The decimal separator of amounts: , or .", valueName: "CHAR"))
    var decimal: String?

    @Option(name: .long, help: ArgumentHelp("The XLSX sheet to read (default: the first).", valueName: "NAME"))
    var sheet: String?

    @Flag(name: .long, help: "Show what would change; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Import the good rows even when some are bad.")
    var skipBad = false

    func run() throws {
        guard let target = StoreCollection(rawValue: collection) else {
            let names = StoreCollection.allCases.map(\.rawValue)
            let near = NearestName.suggestion(for: collection, among: names).map { "did you mean '\($0)'? " } ?? ""
            throw ValidationError("unknown collection '\(collection)'; \(near)use one of \(names.joined(separator: ", "))")
        }
        var job = try ImportSetup.job(
            collection: target, file: file, store: store, map: map, rules: rules)
        job.encoding = encoding
        job.separator = try separator.map(ImportSetup.separator)
        if let dateFormat {
            guard let order = DateOrder(rawValue: dateFormat) else {
                throw ValidationError("--date-format must be dmy (24/11/2026) or mdy (11/24/2026), not '\(dateFormat)'")
            }
            job.dateOrder = order
        }
        if let decimal {
            guard decimal == "," || decimal == "." else { throw ValidationError("--decimal must be , or .") }
            job.decimalComma = decimal == ","
        }
        job.sheet = sheet
        job.dryRun = dryRun
        job.skipBad = skipBad
        let report: StoreImport.Report
        do {
            report = try job.run()
        } catch {
            Inputs.warn("\(error)")
            throw ExitCode(2)
        }
        for problem in report.problems { Inputs.warn(problem.description) }
        print(ImportSummary(report: report, collection: target, file: file, store: store, dryRun: dryRun).text, terminator: "")
        if report.hasErrors { throw ExitCode(1) }
    }
}
