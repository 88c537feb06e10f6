import ArgumentParser
import Foundation
import TicklerCore

/// `tickler check RULES [--store DIR]`: validate before you deploy.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a rules file (and a store folder).",
        discussion: """
            Prints a one-line summary when everything is valid, or one FILE:LINE:COLUMN: message
            per problem, all problems of the file in one run.

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
        guard let store else { return }
        let (snapshot, bad) = try Inputs.store(store, rules: parsed)
        let folder = store.hasSuffix("/") ? store : store + "/"
        for warning in FutureRecords.warnings(in: snapshot, after: Date(), zone: parsed.zone, path: { folder + $0 }) {
            Inputs.warn(warning.description)
        }
        let counts =
            "\(snapshot.reps.count) reps, \(snapshot.customers.count) customers, \(snapshot.contacts.count) contacts, "
            + "\(snapshot.attendance.count) attendance records, \(snapshot.events.count) events, "
            + "\(snapshot.reports.count) filed plans and reports"
        if bad > 0 {
            Inputs.warn("\(store): \(bad) bad record\(bad == 1 ? "" : "s") (skipped when evaluating); \(counts) valid")
            throw ExitCode(1)
        }
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
            parts.append("follow-up \(cadence.joined(separator: "/")), \(followup.overdue.steps.count) escalation steps")
        }
        if let attendance = rules.attendance { parts.append("\(attendance.late.count) lateness tiers") }
        if !rules.penalties.isEmpty { parts.append("\(rules.penalties.count) penalties") }
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
