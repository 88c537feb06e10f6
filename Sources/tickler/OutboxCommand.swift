import ArgumentParser
import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore

/// `tickler outbox`: see and fix what the mail and webhook channels could not deliver yet.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List pending and dead-lettered mail and webhook deliveries; retry or drop one.",
        discussion: """
            The daemon queues every digest in a durable outbox in its state folder before it \
            tries to deliver it, retries failures with backoff and keeps what cannot be \
            delivered as a dead letter. This command shows that outbox and lets an admin \
            revive a dead letter after fixing its cause, or drop a message for good. It is \
            safe to use while the daemon runs: an edit holds the state folder's lock when no \
            daemon does, and always the outbox's own lock, which the daemon takes for each \
            change. Run as root, it acts as the owner of the state folder (or refuses), so \
            it never leaves root-owned files there.

            Exit status: 0 done, 1 unknown id, 2 usage or unreadable config/state.

            Examples:
              tickler outbox --config /etc/tickler/tickler.yaml
              tickler outbox --format json
              tickler outbox retry tickler-3f2a9c...
              tickler outbox drop tickler-3f2a9c...
            """,
        subcommands: [List.self, Retry.self, Drop.self],
        defaultSubcommand: List.self
    )

    /// The options every outbox subcommand takes.
    struct Options: ParsableArguments {
        @Option(
            name: .long, help: ArgumentHelp("The daemon config (tickler.yaml).", valueName: "FILE"),
            completion: .file(extensions: ["yaml", "yml"]))
        var config: String = "/etc/tickler/tickler.yaml"

        /// The outbox of the configured state folder, as the folder's owner when run as root.
        func store() throws -> OutboxStore {
            let parsed: DaemonConfig
            do {
                parsed = try DaemonConfigParser.load(config)
            } catch {
                for diagnostic in error.diagnostics { OutboxCommand.warn(diagnostic.description) }
                throw ExitCode(2)
            }
            do {
                try StateOwner.adopt(stateDirectory: parsed.state)
                return try OutboxStore(directory: parsed.state, create: false)
            } catch {
                OutboxCommand.warn("tickler: \(error)")
                throw ExitCode(2)
            }
        }
    }

    static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Changes the outbox under its lock; `body` says whether it found message `id`. Exits 1
    /// (with a hint) when it did not, 2 when the state cannot be read or written.
    static func edit(_ options: Options, _ id: String, _ body: (inout [String: OutboxEntry]) -> Bool) throws {
        let store = try options.store()
        let found: Bool
        do {
            // No serve may start in the middle of the edit; a running one is fine (the outbox
            // lock orders its changes and ours).
            let lock: StateLock?
            do {
                lock = try StateLock(directory: store.directory)
            } catch is StateLock.Busy {
                lock = nil
            }
            found = try store.update(body)
            withExtendedLifetime(lock) {}
        } catch {
            throw stateFailure(error)
        }
        guard found else {
            warn("tickler: no pending or dead message '\(id)' in the outbox; `tickler outbox` lists them")
            throw ExitCode(1)
        }
    }

    static func stateFailure(_ error: any Error) -> ExitCode {
        warn("tickler: \(error)")
        return ExitCode(2)
    }
}

extension OutboxCommand {
    /// `tickler outbox list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List pending and dead-lettered deliveries (the default).",
            discussion: """
                One line per message: id, status, channel, recipient, target, attempts, when it is \
                due next, and why the last attempt failed. --all also shows recently delivered ones.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var options: Options

        @Option(name: .long, help: "Output: text for people, json for scripts (one object a line).")
        var format: Format = .text

        @Flag(name: .long, help: "Also list delivered messages the outbox still remembers.")
        var all = false

        func run() throws {
            let store = try options.store()
            let entries: [OutboxEntry]
            do {
                entries = try store.entries().filter { all || $0.status == .pending || $0.status == .dead }
            } catch {
                throw OutboxCommand.stateFailure(error)
            }
            switch format {
            case .json:
                for entry in entries { print(OutboxListing.json(entry)) }
            case .text:
                if entries.isEmpty {
                    print("The outbox is empty: nothing pending, no dead letters.")
                    return
                }
                for entry in entries { print(OutboxListing.text(entry)) }
                let dead = entries.filter { $0.status == .dead }.count
                let pending = entries.filter { $0.status == .pending }.count
                print("\(pending) pending, \(dead) dead letters")
            }
        }
    }

    /// `tickler outbox retry ID`.
    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Put a dead letter (or a waiting message) back in line, due now.",
            discussion: """
                The daemon delivers it within about a second (within office hours), with the same id, \
                so a receiver that already has it can tell.

                Example: tickler outbox retry tickler-3f2a9c0d5e7b41a6a8c2f0e1d3b5a7c9
                """)

        @OptionGroup var options: Options

        @Argument(help: ArgumentHelp("The message id, as `tickler outbox` lists it.", valueName: "ID"))
        var id: String

        func run() throws {
            try OutboxCommand.edit(options, id) { entries in
                guard let revived = entries[id]?.revived(at: Date()) else { return false }
                entries[id] = revived
                return true
            }
            print("\(id): pending, due now")
        }
    }

    /// `tickler outbox drop ID`.
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop",
            abstract: "Remove a pending or dead-lettered message for good.",
            discussion: """
                Its notices are not queued again: they count as handled on the mail channel.

                Example: tickler outbox drop tickler-3f2a9c0d5e7b41a6a8c2f0e1d3b5a7c9
                """)

        @OptionGroup var options: Options

        @Argument(help: ArgumentHelp("The message id, as `tickler outbox` lists it.", valueName: "ID"))
        var id: String

        func run() throws {
            try OutboxCommand.edit(options, id) { entries in
                guard entries[id]?.droppable == true else { return false }
                entries[id] = nil
                return true
            }
            print("\(id): dropped")
        }
    }
}
