import ArgumentParser
import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore

/// `tickler check RULES [--store DIR]` and `tickler check --config FILE`: validate before
/// you deploy.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a rules file (and a store folder), or a daemon config.",
        usage: "tickler check [<RULES>] [--store <DIR>] [--config <FILE>]\n[--locale <LOCALE>]",
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

            With --config, checks a daemon config (tickler.yaml) the way tickler serve reads it at \
            start: the file itself, the rules it names, and that every configured channel can be set up \
            (the webhook secret can be read and is usable, the mail spool (or the folder a Maildir is made in) exists, \
            sendmail can be run). A secret given as a systemd credential can only be read by the service; \
            outside it, that is a warning. RULES may then be left out.

            Exit status: 0 valid, 1 invalid, 2 usage or unreadable file.

            Examples:
              tickler check rules/office.yaml --store rules/example-store
              tickler check --config /etc/tickler/tickler.yaml
            """
    )

    @Argument(
        help: ArgumentHelp("The rules file to validate.", valueName: "RULES"), completion: .file(extensions: ["yaml", "yml"]))
    var rules: String?

    @Option(
        name: .long, help: ArgumentHelp("Also validate the records of this store folder.", valueName: "DIR"),
        completion: .directory)
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Validate a daemon config, its rules and its channels' setup (secrets, mail spool).",
            valueName: "FILE"),
        completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @OptionGroup var language: LocaleOptions

    func validate() throws {
        if rules == nil && config == nil { throw ValidationError("give a RULES file, or --config FILE, or both") }
        if rules == nil && store != nil { throw ValidationError("--store needs a RULES file") }
    }

    func run() throws {
        if let config { try Self.checkConfig(config, language: language) }
        guard let rules else { return }
        let parsed = try Inputs.rules(rules, language: language)
        let locale = language.chosen(rules: parsed.locale)
        print(CommandText.text(.checkOK, locale, rules, RulesSummary(parsed, locale: locale).description))
        for warning in parsed.warnings { Inputs.warn(warning.description(in: locale)) }
        guard let store else { return }
        let (snapshot, badRecords) = try Inputs.store(store, rules: parsed, locale: locale)
        var bad = badRecords
        if snapshot.customers.isEmpty {
            Inputs.warn(StoreListing(directory: store).noCustomers((try? StoreLoader.listing(store)) ?? []).description)
            bad += 1
        }
        let folder = store.hasSuffix("/") ? store : store + "/"
        for warning in FutureRecords.warnings(in: snapshot, after: Date(), zone: parsed.zone, path: { folder + $0 }) {
            Inputs.warn(warning.description(in: locale))
        }
        let eventTypos = EventKindTypos.errors(in: snapshot, rules: parsed, path: { folder + $0 })
        for diagnostic in eventTypos { Inputs.warn(diagnostic.description(in: locale)) }
        bad += eventTypos.count
        let sourceTypos = LeadSourceTypos.errors(in: snapshot, rules: parsed, path: { folder + $0 })
        for diagnostic in sourceTypos { Inputs.warn(diagnostic.description(in: locale)) }
        bad += sourceTypos.count
        let references = RepReference.check(parsed.repReferences, reps: snapshot.reps.map(\.id))
        for diagnostic in references { Inputs.warn(diagnostic.description(in: locale)) }
        for warning in ManagerlessReps.warnings(parsed, snapshot) { Inputs.warn(warning.description(in: locale)) }
        let wrongReferences = references.filter { $0.severity == .error }.count
        let counts = CommandText.text(
            .storeCounts, locale,
            [snapshot.reps.count, snapshot.customers.count, snapshot.contacts.count, snapshot.attendance.count,
             snapshot.events.count, snapshot.reports.count].map(String.init))
        if bad > 0 { Inputs.warn(CommandText.text(.badRecords, locale, store, "\(bad)", counts)) }
        if wrongReferences > 0 { Inputs.warn(CommandText.text(.unknownRepIDs, locale, rules, "\(wrongReferences)")) }
        if bad > 0 || wrongReferences > 0 { throw ExitCode(1) }
        print(CommandText.text(.checkOK, locale, store, counts))
    }
}

extension CheckCommand {
    /// `--config FILE`: the daemon config, its rules and its channels, as `serve` starts them.
    static func checkConfig(_ path: String, language: LocaleOptions) throws {
        let config: DaemonConfig
        do throws(DiagnosticsError) {
            config = try DaemonConfigParser.load(path)
        } catch {
            for diagnostic in error.diagnostics { Inputs.warn(diagnostic.description(in: language.chosen(rules: nil))) }
            let count = error.diagnostics.count
            Inputs.warn("\(path): \(count) problem\(count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        let rules = try Inputs.rules(config.rules, language: language)
        let locale = language.chosen(rules: rules.locale)
        print(CommandText.text(.checkOK, locale, config.rules, RulesSummary(rules, locale: locale).description))
        for warning in rules.warnings { Inputs.warn(warning.description(in: locale)) }
        let problems = ChannelSetupCheck.problems(config, outsideService: true)
        for problem in problems { Inputs.warn(problem.description) }
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            Inputs.warn(
                "\(path): \(errors) channel\(errors == 1 ? "" : "s") cannot be set up; tickler serve would not start")
            throw ExitCode(1)
        }
        print("OK \(path): \(channelSummary(config))")
    }

    /// "channels journal, mail (spool /var/mail), webhook (dingtalk, signed)".
    static func channelSummary(_ config: DaemonConfig) -> String {
        var channels: [String] = []
        if config.journal != nil { channels.append("journal") }
        if let mail = config.mail {
            switch mail.target {
            case .spool(let folder): channels.append("mail (spool \(folder))")
            case .maildir(let folder): channels.append("mail (maildir \(folder))")
            case .sendmail(let program): channels.append("mail (sendmail \(program))")
            }
        }
        if let webhook = config.webhook {
            channels.append("webhook (\(webhook.format)\(webhook.secret == nil ? ", unsigned" : ", signed"))")
        }
        return channels.isEmpty ? "no channels" : "channels " + channels.joined(separator: ", ")
    }
}

/// "timezone Asia/Shanghai, locale zh-Hans, follow-up A 7d/B 14d, 3 escalation steps, ..."
/// for `check`, in `locale` (cadences, ids and zone names as written in the rules).
struct RulesSummary: CustomStringConvertible {
    var rules: Rules
    var locale: NoticeLocale

    init(_ rules: Rules, locale: NoticeLocale = .en) {
        self.rules = rules
        self.locale = locale
    }

    var description: String {
        func t(_ key: CommandText.Key, _ values: String...) -> String { CommandText.text(key, locale, values) }
        var parts = [t(.sumTimezone, rules.zone.identifier), t(.sumLocale, rules.locale.rawValue)]
        if let followup = rules.followup {
            let cadence = rules.classes.compactMap { c in followup.cadence[c].map { "\(c) \($0)" } }
            let steps = followup.overdue.steps.count
            parts.append(t(.sumFollowup, cadence.joined(separator: "/"), steps == 0 ? t(.sumNoSteps) : t(.sumSteps, "\(steps)")))
            if followup.agreedDate.postpone {
                parts.append(followup.agreedDate.atMost.map { t(.sumPostponeAtMost, "\($0)") } ?? t(.sumPostpone))
            }
        }
        if let attendance = rules.attendance { parts.append(t(.sumTiers, "\(attendance.late.count)")) }
        if !rules.penalties.isEmpty { parts.append(t(.sumPenalties, "\(rules.penalties.count)")) }
        if rules.scoring != nil { parts.append(t(.sumScoring)) }
        if !rules.quotas.isEmpty { parts.append(t(.sumQuotas, "\(rules.quotas.count)")) }
        if !rules.alerts.isEmpty { parts.append(t(.sumAlerts, "\(rules.alerts.count)")) }
        if let conflicts = rules.conflicts {
            parts.append(t(.sumConflicts))
            if conflicts.registration.completeWins { parts.append(t(.sumCompleteWins)) }
            if let keep = conflicts.registration.keepFor { parts.append(t(.sumKeepFor, "\(keep)")) }
        }
        if !rules.reports.isEmpty { parts.append(t(.sumReports, "\(rules.reports.count)")) }
        if rules.compliance != nil { parts.append(t(.sumCompliance)) }
        if rules.forecast != nil { parts.append(t(.sumForecast)) }
        if rules.pool != nil { parts.append(t(.sumPool)) }
        if let care = rules.care {
            parts.append(t(.sumCare))
            let festivals = care.festivals.keys.map(\.name).sorted()
            if !festivals.isEmpty { parts.append(t(.sumFestivals, festivals.joined(separator: "/"))) }
        }
        if rules.sales != nil { parts.append(t(.sumSales)) }
        let rewards = rules.quotas.filter { $0.reward != nil }.count + rules.alerts.filter { $0.reward != nil }.count
            + (rules.sales?.reward == nil ? 0 : 1)
        if rewards > 0 { parts.append(t(.sumRewards, "\(rewards)")) }
        if let methods = rules.contactMethods {
            parts.append(t(.sumContactMethods, methods.listed.map(\.rawValue).joined(separator: "/")))
        }
        if let sources = rules.leadSources { parts.append(t(.sumLeadSources, sources.names.joined(separator: "/"))) }
        return parts.joined(separator: locale == .zhHans || locale == .zhHant ? "，" : ", ")
    }
}
