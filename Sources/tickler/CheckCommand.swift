import ArgumentParser
import Foundation
import TicklerCore
import TicklerStore

/// `tickler check RULES [--store DIR]`: validate before you deploy.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a rules file (and a store folder).",
        discussion: """
            Prints a one-line summary when everything is valid, or one FILE:LINE:COLUMN: message per problem, \
            all problems of the file in one run. Warnings (FILE:LINE:COLUMN: warning: ...) are printed too \
            but do not make the file invalid.

            With --store, also refuses bad records, rep or customer ids used twice, records naming reps or \
            customers that are not in the store, two attendance records for one rep and day, misspelt field \
            names, files in the folder that are not read (e.g. Customers.JSON, reps.csv), a store without \
            customers, event names that are typos of an event the penalties charge, and rep ids in the \
            rules' notify or goals that are typos of a known rep (an unknown one is a warning). A notify list naming only manager is a warning when a rep has no manager: \
            that rep's notices go to the rep instead; so is a report whose to finds nobody. Records dated after the current time are warnings: evaluation is as of its \
            time, so they count only from their own date.

            Exit status: 0 valid, 1 invalid, 2 usage or unreadable file.

            Example:
              tickler check rules/office.yaml --store rules/example-store
            """
    )

    @Argument(help: ArgumentHelp("The rules file to validate.", valueName: "RULES"))
    var rules: String

    @Option(name: .long, help: ArgumentHelp("Also validate the records of this store folder.", valueName: "DIR"))
    var store: String?

    func run() throws {
        let parsed = try Inputs.rules(rules)
        print("OK \(rules): \(RulesSummary(parsed))")
        for warning in parsed.warnings { Inputs.warn(warning.description) }
        guard let store else { return }
        let (snapshot, badRecords) = try Inputs.store(store, rules: parsed)
        var bad = badRecords
        if snapshot.customers.isEmpty {
            Inputs.warn(StoreListing(directory: store).noCustomers((try? StoreLoader.listing(store)) ?? []).description)
            bad += 1
        }
        let folder = store.hasSuffix("/") ? store : store + "/"
        for warning in FutureRecords.warnings(in: snapshot, after: Date(), zone: parsed.zone, path: { folder + $0 }) {
            Inputs.warn(warning.description)
        }
        let eventTypos = EventKindTypos.errors(in: snapshot, rules: parsed, path: { folder + $0 })
        for diagnostic in eventTypos { Inputs.warn(diagnostic.description) }
        bad += eventTypos.count
        let sourceTypos = LeadSourceTypos.errors(in: snapshot, rules: parsed, path: { folder + $0 })
        for diagnostic in sourceTypos { Inputs.warn(diagnostic.description) }
        bad += sourceTypos.count
        let references = RepReference.check(parsed.repReferences, reps: snapshot.reps.map(\.id))
        for diagnostic in references { Inputs.warn(diagnostic.description) }
        for warning in ManagerlessReps.warnings(parsed, snapshot) { Inputs.warn(warning.description) }
        let wrongReferences = references.filter { $0.severity == .error }.count
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let counts = [
            count(snapshot.reps.count, "rep", "reps"), count(snapshot.customers.count, "customer", "customers"),
            count(snapshot.contacts.count, "contact", "contacts"),
            count(snapshot.attendance.count, "attendance record", "attendance records"),
            count(snapshot.events.count, "event", "events"),
            count(snapshot.reports.count, "filed plan or report", "filed plans and reports"),
        ].joined(separator: ", ")
        if bad > 0 {
            Inputs.warn("\(store): \(bad) bad record\(bad == 1 ? "" : "s") or file\(bad == 1 ? "" : "s") (skipped when evaluating); \(counts) valid")
        }
        if wrongReferences > 0 {
            Inputs.warn("\(rules): \(wrongReferences) rep id\(wrongReferences == 1 ? "" : "s") not in the store")
        }
        if bad > 0 || wrongReferences > 0 { throw ExitCode(1) }
        print("OK \(store): \(counts)")
    }
}

/// "3 classes, 3 escalation steps, ..." for `check`.
struct RulesSummary: CustomStringConvertible {
    var rules: Rules

    init(_ rules: Rules) {
        self.rules = rules
    }

    var description: String {
        var parts = ["timezone \(rules.zone.identifier)", "locale \(rules.locale.rawValue)"]
        if let followup = rules.followup {
            let cadence = rules.classes.compactMap { c in followup.cadence[c].map { "\(c) \($0)" } }
            let steps = followup.overdue.steps.count
            let ladder = steps == 0 ? "no escalation steps" : "\(steps) escalation step\(steps == 1 ? "" : "s")"
            parts.append("follow-up \(cadence.joined(separator: "/")), \(ladder)")
        }
        if let attendance = rules.attendance {
            parts.append("\(attendance.late.count) lateness tier\(attendance.late.count == 1 ? "" : "s")")
        }
        if !rules.penalties.isEmpty {
            parts.append("\(rules.penalties.count) penalt\(rules.penalties.count == 1 ? "y" : "ies")")
        }
        if rules.scoring != nil { parts.append("scoring") }
        if !rules.quotas.isEmpty { parts.append("\(rules.quotas.count) quota\(rules.quotas.count == 1 ? "" : "s")") }
        if !rules.alerts.isEmpty { parts.append("\(rules.alerts.count) alert\(rules.alerts.count == 1 ? "" : "s")") }
        if rules.conflicts != nil { parts.append("conflicts") }
        if !rules.reports.isEmpty { parts.append("\(rules.reports.count) report\(rules.reports.count == 1 ? "" : "s")") }
        if rules.compliance != nil { parts.append("compliance") }
        if rules.forecast != nil { parts.append("forecast") }
        if rules.pool != nil { parts.append("pool") }
        if rules.care != nil { parts.append("care") }
        return parts.joined(separator: ", ")
    }
}
