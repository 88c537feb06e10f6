import ArgumentParser
import TicklerCore

@main
struct Tickler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickler",
        abstract: "Rules-and-reminders daemon for sales offices.",
        subcommands: [ServeCommand.self]
    )
}
