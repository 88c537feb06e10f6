import ArgumentParser

@main
struct Tickler: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickler",
        abstract: "Rules-and-reminders daemon for sales offices."
    )
}
