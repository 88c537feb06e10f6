import ArgumentParser
import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore

/// `tickler serve`: the daemon.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: evaluate the rules on a timer and deliver new notices.",
        discussion: """
            Meant to run under systemd (Type=notify): READY=1 after the first good load, \
            SIGHUP reloads config and rules, SIGTERM stops cleanly. Exits 0 on a clean stop, \
            1 when the config or the rules are invalid at start, or when another serve already \
            uses the state folder (one serve per state folder; the message names its pid). \
            Run as root, it acts as the owner of the state folder (or refuses), so it never \
            leaves root-owned files there.

            Example: tickler serve --config rules/tickler.yaml --once
            """)

    @Option(
        name: .long, help: ArgumentHelp("The daemon config (tickler.yaml).", valueName: "FILE"),
        completion: .file(extensions: ["yaml", "yml"]))
    var config: String = "/etc/tickler/tickler.yaml"

    @Flag(name: .long, help: "Run one tick with delivery, then exit.")
    var once = false

    func run() async throws {
        do {
            let lock = try Self.lockState(configPath: config)
            try await ServeWiring.serve(configPath: config, once: once)
            withExtendedLifetime(lock) {}
        } catch let error as DiagnosticsError {
            for diagnostic in error.diagnostics { Self.printError("\(diagnostic)") }
            throw ExitCode(1)
        } catch {
            Self.printError("tickler: \(error)")
            throw ExitCode(1)
        }
    }

    /// Becomes the state folder's owner when run as root, then takes the one-serve-per-state
    /// lock (held until the returned value goes). Throws ``DiagnosticsError`` for a bad config,
    /// ``StateLock/Busy`` when another serve holds the lock, ``StateFileError``.
    private static func lockState(configPath: String) throws -> StateLock {
        // Config and rules first: a serve that cannot start touches nothing in the state.
        let state = try TicklerService.load(configPath).0.state
        try StateOwner.adopt(stateDirectory: state)
        // A `tickler outbox` edit holds the lock for a moment; a serve waits that long.
        return try StateLock(directory: state, patience: 3)
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
