import ArgumentParser
import Foundation
import TicklerCore
import TicklerDaemon

/// `tickler serve`: the daemon.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: evaluate the rules on a timer and deliver new notices.",
        discussion: """
            Meant to run under systemd (Type=notify): READY=1 after the first good load, \
            SIGHUP reloads config and rules, SIGTERM stops cleanly. Exits 0 on a clean stop, \
            1 when the config or the rules are invalid at start.

            Example: tickler serve --config rules/tickler.yaml --once
            """)

    @Option(name: .long, help: "The daemon config (tickler.yaml).")
    var config: String = "/etc/tickler/tickler.yaml"

    @Flag(name: .long, help: "Run one tick with delivery, then exit.")
    var once = false

    func run() async throws {
        do {
            try await ServeWiring.serve(configPath: config, once: once)
        } catch let error as DiagnosticsError {
            for diagnostic in error.diagnostics { Self.printError("\(diagnostic)") }
            throw ExitCode(1)
        } catch {
            Self.printError("tickler: \(error)")
            throw ExitCode(1)
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
