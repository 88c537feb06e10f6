import ArgumentParser
import Foundation
import TicklerCore

/// `tickler explain`: why a customer's or a rep's notices fire or not.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why notices about one customer or one rep fire, or do not.",
        // ArgumentParser does not wrap the usage line: wrapped here to stay within 80 columns
        // (HelpAndCompletionTests checks that it names every option).
        usage: "tickler explain --rules <RULES> --store <DIR> [--at <TIME>]\n[--since <TIME>] [--customer <ID>] [--rep <ID>] [--locale <LOCALE>]",
        discussion: """
            Shows the dates, records and rule steps used: the cadence and due date of a customer,
            the escalation step reached; a rep's lateness tiers, penalties, score and quotas.

            Exit status: 0 explained, 1 unknown id or invalid rules, 2 usage or unreadable file.

            Examples:
              tickler explain --rules rules/office.yaml --store rules/example-store --at 2026-11-24T10:00 --customer C005
              tickler explain --rules rules/office.yaml --store rules/example-store --at 2026-11-24T10:00 --rep R02
            """
    )

    @OptionGroup var input: RulesAndStoreOptions
    @OptionGroup var time: TimeOptions
    @OptionGroup var language: LocaleOptions

    @Option(name: .long, help: ArgumentHelp("The customer id to explain.", valueName: "ID"))
    var customer: String?

    @Option(name: .long, help: ArgumentHelp("The rep id to explain.", valueName: "ID"))
    var rep: String?

    func validate() throws {
        guard (customer == nil) != (rep == nil) else {
            throw ValidationError("give exactly one of --customer ID or --rep ID")
        }
    }

    func run() throws {
        let rules = try Inputs.rules(input.rules, language: language)
        let now = try time.at.map { try Inputs.time($0, option: "at", zone: rules.zone) } ?? Date()
        let since = try time.since.map { try Inputs.time($0, option: "since", zone: rules.zone) }
        let (snapshot, _) = try Inputs.store(input.store, rules: rules, locale: language.chosen(rules: rules.locale))
        let locale = language.chosen(rules: rules.locale)
        let explainer = Explainer(rules: rules, snapshot: snapshot, now: now, since: since, locale: locale)
        let lines = customer.map(explainer.customer) ?? rep.map(explainer.rep) ?? nil
        guard let lines else {
            if let customer, let registered = snapshot.customer(customer)?.registeredAt {
                let local = "\(rules.zone.localDate(registered)) \(rules.zone.timeOfDay(registered))"
                Inputs.warn(CommandText.text(.notYetRegistered, locale, input.store, customer, local))
            } else {
                let id = customer ?? rep ?? ""
                let known = customer != nil ? snapshot.customers.map(\.id) : snapshot.reps.map(\.id)
                let hint = NearestName.suggestion(for: id, among: known).map { CommandText.text(.didYouMean, locale, $0) } ?? ""
                Inputs.warn(CommandText.text(customer != nil ? .unknownCustomer : .unknownRep, locale, input.store, id, hint))
            }
            throw ExitCode(1)
        }
        print(lines.joined(separator: "\n"))
    }
}
