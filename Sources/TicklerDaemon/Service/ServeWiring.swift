import Logging
package import ServiceLifecycle
package import TicklerCore
import TicklerDelivery
import UnixSignals

/// The wiring behind `tickler serve`, kept out of the `@main` command so it can be tested.
package enum ServeWiring {
    /// Builds the service group for `tickler serve`: the ``TicklerService`` with a logger that
    /// writes to the journal (and stderr when stderr is not the journal), shut down
    /// gracefully on SIGTERM and SIGINT. The config is read once here, to fail early with
    /// its `FILE:LINE:COLUMN` problems (and those of channels that cannot be set up: an
    /// unreadable or bad webhook secret, a missing mail spool) and to learn the journal
    /// identifier.
    ///
    /// Throws ``DiagnosticsError`` when the config or the rules are invalid, or a configured
    /// channel cannot be set up.
    package static func makeServiceGroup(configPath: String, once: Bool) throws(DiagnosticsError) -> ServiceGroup {
        let loaded = try TicklerService.loadForServe(configPath)
        let config = loaded.config
        let channel = JournalChannel(identifier: config.journal?.identifier ?? "tickler")
        let logger = Logger(label: "tickler") { _ in JournalLogHandler(channel: channel) }
        var groupLogger = logger
        groupLogger.logLevel = .warning
        let service = TicklerService(configPath: configPath, once: once, logger: logger, loaded: loaded)
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: groupLogger))
    }
}

extension ServeWiring {
    /// Runs `tickler serve` to its end: builds the group and runs it.
    ///
    /// Throws ``DiagnosticsError`` when the config or the rules are invalid at start, and any
    /// error that stopped the service (state directory not writable).
    package static func serve(configPath: String, once: Bool) async throws {
        let group = try makeServiceGroup(configPath: configPath, once: once)
        try await group.run()
    }
}
