import ArgumentParser

/// `--rules` and `--store`, shared by the commands that evaluate.
struct RulesAndStoreOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The rules file.", valueName: "RULES"), completion: .file(extensions: ["yaml", "yml"]))
    var rules: String

    @Option(
        name: .long, help: ArgumentHelp("The data store folder (reps, customers, contacts, ...).", valueName: "DIR"),
        completion: .directory)
    var store: String
}

/// `--at` and `--since`: the moment to evaluate and the start of the event window.
struct TimeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Evaluate as of this time: RFC 3339 (2026-11-24T09:00:00+08:00) or local to the rules' timezone (2026-11-24T09:00). Default: now.",
            valueName: "TIME"))
    var at: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Report lateness, absences and penalties recorded from this time on. Default: the start of the local day of --at.",
            valueName: "TIME"))
    var since: String?
}
