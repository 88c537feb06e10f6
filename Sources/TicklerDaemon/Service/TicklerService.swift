package import Foundation
package import Logging
import AsyncHTTPClient
import ServiceLifecycle
import Synchronization
package import TicklerCore
import TicklerDelivery
import TicklerStore
import UnixSignals

/// The daemon as a swift-service-lifecycle `Service`: loads config and rules, says
/// `READY=1`, ticks on wall-clock boundaries, reloads on SIGHUP (a bad file keeps the
/// previous rules), keeps the watchdog fed, and stops cleanly on graceful shutdown
/// (SIGTERM/SIGINT through the `ServiceGroup`), finishing the tick in progress first.
package struct TicklerService: Service {
    /// Path of `tickler.yaml`.
    package var configPath: String
    /// One tick with delivery, then return.
    package var once: Bool
    package var logger: Logger
    package var notifier: SystemdNotifier

    package init(configPath: String, once: Bool, logger: Logger, notifier: SystemdNotifier = SystemdNotifier()) {
        self.configPath = configPath
        self.once = once
        self.logger = logger
        self.notifier = notifier
    }

    private enum Event: Sendable {
        case tick
        case reload
        case stop
    }

    /// Runs until graceful shutdown (or one tick with `once`).
    ///
    /// Throws ``DiagnosticsError`` when the first load of config or rules fails, and
    /// `StateFileError` when the state directory cannot be used.
    package func run() async throws {
        let (config, rules) = try Self.load(configPath)
        let log = try NotificationLog(directory: config.state, retention: Self.retention(for: rules))
        let ledger = try LedgerStore(directory: config.state)
        let lastTick = try LastTick(directory: config.state)
        if log.recoveredTornBytes > 0 {
            logger.notice("recovered the notification log: cut off a torn last record",
                metadata: ["bytes": "\(log.recoveredTornBytes)", "file": "\(log.path)"])
        }
        // One HTTP client for the daemon's lifetime, shut down when it stops.
        let http = WebhookTransport.makeClient()
        var engine = TickEngine(
            config: config, rules: rules, log: log, ledger: ledger, journal: Self.journal(config),
            outbox: try OutboxStore(directory: config.state))
        wireChannels(&engine, config, http: http)
        // Trap SIGHUP before READY=1: systemd (or a test) may reload as soon as we are ready,
        // and an untrapped SIGHUP terminates the process.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        logger.info(
            "started with rules \(config.rules), store \(config.store), every \(config.interval)s",
            metadata: ["MESSAGE_ID": "\(JournalMessageID.started)"])
        for warning in rules.warnings { logger.warning("\(warning)") }
        notifier.ready(status: "Loaded \(config.rules); first tick running")

        var state = LoopState(lastTick: await lastTick.value, mark: lastTick, http: http)
        await tick(&engine, &state)
        if once {
            notifier.stopping()
            try? await http.shutdown()
            return
        }

        let schedule = SharedSchedule(TickSchedule(interval: config.interval))
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        let lastTickTime = state.lastTick ?? Date()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await _ in hangups { continuation.yield(.reload) }
                }
                if let interval = notifier.watchdogInterval() {
                    group.addTask {
                        while !Task.isCancelled {
                            notifier.watchdog()
                            try? await Task.sleep(for: interval)
                        }
                    }
                }
                group.addTask {
                    var last = lastTickTime
                    while !Task.isCancelled {
                        let now = Date()
                        switch schedule.current.decide(now: now, last: last) {
                        case .fire:
                            last = now
                            continuation.yield(.tick)
                        case .wait(let until):
                            // Short naps: a wall-clock jump or a suspend is noticed within 30 s.
                            let seconds = min(max(until.timeIntervalSince(now), 0.05), 30)
                            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                        }
                    }
                }
                loop: for await event in events {
                    switch event {
                    case .tick:
                        await tick(&engine, &state)
                    case .reload:
                        reload(&engine, &state)
                        schedule.setInterval(engine.config.interval)
                    case .stop:
                        break loop
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            continuation.yield(.stop)
        }
        notifier.stopping()
        logger.info("stopping", metadata: ["MESSAGE_ID": "\(JournalMessageID.stopping)"])
        try? await http.shutdown()
    }

    /// What the loop remembers between ticks.
    private struct LoopState {
        /// The last finished tick, in this run or (from the state directory) an earlier one.
        var lastTick: Date?
        let mark: LastTick
        /// The daemon's one HTTP client (webhooks), kept across reloads.
        let http: HTTPClient
        var lastProblems: [Diagnostic] = []
        /// A failing tick (a full disk, an unreadable store) is logged when it starts and
        /// clears, not every tick while it lasts.
        var tickFault = RepeatedFault()
        var markFault = RepeatedFault()
        /// When a store file being rewritten was last reported, by path.
        var rewriteReported: [String: Date] = [:]
    }

    /// How far back the event window reaches after downtime: lateness and penalties recorded
    /// while the daemon was down are caught up, but not older than this.
    static let catchUpLimit: TimeInterval = 7 * 86_400

    private func tick(_ engine: inout TickEngine, _ state: inout LoopState) async {
        let now = Date()
        let startOfDay = engine.rules.zone.startOfDay(now)
        let since = max(min(startOfDay, state.lastTick ?? startOfDay), now.addingTimeInterval(-Self.catchUpLimit))
        do {
            let (report, problems) = try await engine.tick(at: now, since: since, logger: logger)
            // A file being rewritten comes and goes between ticks while a writer loops: it is
            // reported apart, once an hour at most per file, and does not re-log the rest.
            let rewriting = problems.filter { $0.message.hasSuffix(StoreFollower.keptSnapshot) }
            let others = problems.filter { !$0.message.hasSuffix(StoreFollower.keptSnapshot) }
            if others != state.lastProblems {
                for problem in others {
                    logger.warning("\(problem)", metadata: ["MESSAGE_ID": "\(JournalMessageID.storeProblems)"])
                }
                state.lastProblems = others
            }
            for problem in rewriting
            where state.rewriteReported[problem.location.file].map({ now.timeIntervalSince($0) >= 3600 }) ?? true {
                logger.warning("\(problem)", metadata: ["MESSAGE_ID": "\(JournalMessageID.storeProblems)"])
                state.rewriteReported[problem.location.file] = now
            }
            state.lastTick = now
            if let cleared = state.tickFault.cleared() {
                logger.info("ticks work again (the last failure was: \(cleared))")
            }
            do {
                try await state.mark.record(now)
                if let cleared = state.markFault.cleared() {
                    logger.info("the tick time is recorded again (the last failure was: \(cleared))")
                }
            } catch {
                if state.markFault.occurred("\(error)") {
                    logger.warning("cannot record the tick time in the state folder: \(error); reported once until it changes")
                }
            }
            notifier.status(report.statusLine)
            logger.info(
                "\(report.statusLine)",
                metadata: ["TICKLER_TICK_MS": "\(report.milliseconds)", "TICKLER_NOTICES": "\(report.notices)"])
        } catch {
            if state.tickFault.occurred("\(error)") {
                logger.error(
                    "tick failed: \(error); retried every tick, reported again only when the error changes or clears",
                    metadata: ["MESSAGE_ID": "\(JournalMessageID.tickFailed)"])
            }
            notifier.status("Last tick failed: \(error)")
        }
    }

    private func reload(_ engine: inout TickEngine, _ state: inout LoopState) {
        notifier.reloading()
        do {
            let (config, rules) = try Self.load(configPath)
            if config.state != engine.config.state {
                logger.warning("a new state: folder takes effect at the next restart; still using \(engine.config.state)")
            }
            engine.config.rules = config.rules
            engine.config.store = config.store
            engine.config.interval = config.interval
            engine.config.summaryAbove = config.summaryAbove
            engine.config.journal = config.journal
            engine.config.mail = config.mail
            engine.config.webhook = config.webhook
            engine.rules = rules
            engine.journal = Self.journal(config)
            wireChannels(&engine, config, http: state.http)
            logger.info("reloaded \(config.rules)", metadata: ["MESSAGE_ID": "\(JournalMessageID.reloaded)"])
            for warning in rules.warnings { logger.warning("\(warning)") }
            notifier.notify("READY=1\nSTATUS=Reloaded \(config.rules)")
        } catch {
            for diagnostic in error.diagnostics {
                logger.error(
                    "\(diagnostic)",
                    metadata: [
                        "MESSAGE_ID": "\(JournalMessageID.reloadFailed)", "TICKLER_FILE": "\(diagnostic.location.file)",
                        "TICKLER_LINE": "\(diagnostic.location.line)",
                    ])
            }
            logger.error(
                "reload failed with \(error.diagnostics.count) problem(s); the previous rules stay in force",
                metadata: ["MESSAGE_ID": "\(JournalMessageID.reloadFailed)"])
            notifier.notify("READY=1\nSTATUS=Reload failed, previous rules in force: \(error.diagnostics.first?.description ?? "")")
        }
    }

    /// Gives the engine the outbox transports and the rules version of `config` (at start and
    /// on reload), and logs the channels that could not be set up.
    private func wireChannels(_ engine: inout TickEngine, _ config: DaemonConfig, http: HTTPClient) {
        let channels = ChannelWiring.transports(config, http: http)
        engine.transports = channels.transports
        engine.rulesVersion = ChannelWiring.rulesVersion(config.rules)
        for problem in channels.problems {
            logger.error("\(problem)", metadata: ["MESSAGE_ID": "\(JournalMessageID.channelUnavailable)"])
        }
    }

    /// Loads the config and the rules it names.
    ///
    /// Throws ``DiagnosticsError`` with every problem of either file.
    package static func load(_ configPath: String) throws(DiagnosticsError) -> (DaemonConfig, Rules) {
        let config = try DaemonConfigParser.load(configPath)
        let rules = try CoreWiring.loadRules(config.rules)
        return (config, rules)
    }

    /// How long the notification log keeps a delivery: at least 400 days, and the longest
    /// cadence plus a month, so the slowest cadence still dedupes.
    package static func retention(for rules: Rules) -> TimeInterval {
        let cadences = (rules.followup?.cadence.values.map(\.wholeDays) ?? [])
            + (rules.followup?.statusCadence.values.map(\.wholeDays) ?? [])
        let longest = cadences.max() ?? 0
        return max(NotificationLog.minimumRetention, Double(longest + 35) * 86_400)
    }

    private static func journal(_ config: DaemonConfig) -> JournalChannel? {
        config.journal.map { JournalChannel(identifier: $0.identifier) }
    }
}

/// The tick schedule shared between the loop (which changes it on reload) and the ticker.
private final class SharedSchedule: Sendable {
    private let mutex: Mutex<TickSchedule>

    init(_ schedule: TickSchedule) { mutex = Mutex(schedule) }

    var current: TickSchedule { mutex.withLock { $0 } }

    func setInterval(_ interval: Int) { mutex.withLock { $0.interval = max(1, interval) } }
}
