import ArgumentParser
import Foundation

@main
struct Tickler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickler",
        abstract: "Rules-and-reminders daemon for sales offices: follow-ups, fines and alerts from a rules file.",
        discussion: """
            A sales manager writes the rules (rules.yaml); the store folder holds reps, customers,
            contacts, attendance and events as JSON. `check` validates, `eval` shows what is due,
            `explain` says why, `test` runs rule unit tests, `serve` is the daemon.

            Try it on the shipped example:
              tickler check rules/office.yaml --store rules/example-store
              tickler eval --rules rules/office.yaml --store rules/example-store --at 2026-11-24T10:00
              tickler serve --config rules/tickler.yaml --once
            """,
        version: Tickler.versionText,
        subcommands: [
            CheckCommand.self, EvalCommand.self, ExplainCommand.self, TestCommand.self, LedgerCommand.self,
            ServeCommand.self, ReportCommand.self, PoolCommand.self, OutboxCommand.self, BenchTicksCommand.self,
            ImportCommand.self, RecordCommand.self,
        ]
    )

    /// Runs the command; usage errors exit with 2 (SPEC section 5), not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
