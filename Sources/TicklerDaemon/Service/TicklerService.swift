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
/// previous rules), and stops cleanly on graceful shutdown (SIGTERM/SIGINT through the
/// `ServiceGroup`), finishing the tick in progress first.
///
/// Three things run side by side: the ticker (which says when a tick is due), the
/// ``DeliveryTask`` (which delivers the outbox, so a slow receiver never holds a tick), and
/// the loop, which handles one event at a time: a tick, a reload, a watchdog keep-alive, the
/// stop. The keep-alive goes through the loop, so `WATCHDOG=1` is sent only while the loop
/// makes progress: a loop stuck in a tick stops feeding the watchdog and systemd restarts it.
package struct TicklerService: Service {
    /// Path of `tickler.yaml`.
    package var configPath: String
    /// One tick with delivery, then return.
    package var once: Bool
    package var logger: Logger
    package var notifier: SystemdNotifier
    /// The wall clock, the monotonic clock and sleeping.
    package var clock: any TickClock
    /// Config and rules already loaded for this start (``ServeWiring`` reads them once, to
    /// fail early); `nil` loads them in ``run()``.
    package var loaded: (config: DaemonConfig, rules: LoadedRules)?

    package init(
        configPath: String, once: Bool, logger: Logger, notifier: SystemdNotifier = SystemdNotifier(),
        clock: any TickClock = SystemTickClock(), loaded: (config: DaemonConfig, rules: LoadedRules)? = nil
    ) {
        self.configPath = configPath
        self.once = once
        self.logger = logger
        self.notifier = notifier
        self.clock = clock
        self.loaded = loaded
    }

    private enum Event: Sendable {
        case tick
        case reload
        case keepAlive
        case stop
    }

    /// Runs until graceful shutdown (or one tick with `once`).
    ///
    /// Throws ``DiagnosticsError`` when the first load of config or rules fails, and
    /// `StateFileError` when the state directory cannot be used.
    package func run() async throws {
        let (config, rules) = try loaded ?? Self.loadForServe(configPath)
        let log = try NotificationLog(directory: config.state, retention: Self.retention(for: rules.rules))
        let ledger = try LedgerStore(directory: config.state)
        let lastTick = try LastTick(directory: config.state)
        if log.recoveredTornBytes > 0 {
            logger.notice("recovered the notification log: cut off a torn last record",
                metadata: ["bytes": "\(log.recoveredTornBytes)", "file": "\(log.path)"])
        }
        let clock = clock
        let outbox = try Outbox(directory: config.state, uptime: { clock.uptime() })
        // One HTTP client for the daemon's lifetime, shut down when it stops.
        let http = WebhookTransport.makeClient()
        var engine = TickEngine(
            config: config, rules: rules.rules, log: log, ledger: ledger, outbox: outbox, channels: [])
        let setup = DeliverySetup(transports: [:], officeHours: Self.officeHours(rules.rules))
        wireChannels(&engine, config, rules, setup: setup, http: http)
        let tally = DeliveryTally()
        let delivery = DeliveryTask(outbox: outbox, setup: setup, tally: tally, clock: clock, logger: logger)
        // Trap SIGHUP before READY=1: systemd (or a test) may reload as soon as we are ready,
        // and an untrapped SIGHUP terminates the process.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        logger.info(
            "started with rules \(config.rules), store \(config.store), every \(config.interval)s",
            metadata: ["MESSAGE_ID": "\(JournalMessageID.started)"])
        for warning in rules.rules.warnings { logger.warning("\(warning)") }
        notifier.ready(status: "Loaded \(config.rules); first tick running")

        var state = LoopState(
            lastTick: await lastTick.value, mark: lastTick, http: http, setup: setup, tally: tally,
            watch: ClockWatch(lastTick: await lastTick.value))
        if once {
            await tick(&engine, &state)
            await delivery.drainOnce()
            let drained = tally.take()
            if drained.delivered + drained.retried + drained.deadLettered > 0 {
                logger.info(
                    "outbox: \(drained.delivered) messages sent, \(drained.retried) to retry, \(drained.deadLettered) dead letters")
            }
            notifier.stopping()
            try? await http.shutdown()
            return
        }

        let schedule = SharedSchedule(TickSchedule(interval: config.interval))
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        continuation.yield(.tick)
        let lastTickTime = clock.now()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await _ in hangups { continuation.yield(.reload) }
                }
                group.addTask { await delivery.run() }
                if let interval = notifier.watchdogInterval() {
                    group.addTask {
                        while !Task.isCancelled {
                            continuation.yield(.keepAlive)
                            try? await clock.sleep(for: interval)
                        }
                    }
                }
                group.addTask {
                    var last = lastTickTime
                    while !Task.isCancelled {
                        let now = clock.now()
                        switch schedule.current.decide(now: now, last: last) {
                        case .fire:
                            last = now
                            continuation.yield(.tick)
                        case .wait(let until):
                            // A clock set back: the next boundary counts from the new time
                            // (kept, or no boundary would ever come before the old `last`).
                            if now < last { last = now }
                            // Short naps: a wall-clock jump or a suspend is noticed within 30 s.
                            let seconds = min(max(until.timeIntervalSince(now), 0.05), 30)
                            try? await clock.sleep(for: .milliseconds(Int(seconds * 1000)))
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
                    case .keepAlive:
                        notifier.watchdog()
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

    private func reload(_ engine: inout TickEngine, _ state: inout LoopState) {
        notifier.reloading()
        do {
            let (config, rules) = try Self.loadForServe(configPath)
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
            engine.rules = rules.rules
            wireChannels(&engine, engine.config, rules, setup: state.setup, http: state.http)
            logger.info("reloaded \(config.rules)", metadata: ["MESSAGE_ID": "\(JournalMessageID.reloaded)"])
            for warning in rules.rules.warnings { logger.warning("\(warning)") }
            notifier.ready(status: "Reloaded \(config.rules)")
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
                "reload failed with \(error.diagnostics.count) problem(s); the previous rules and channels stay in force",
                metadata: ["MESSAGE_ID": "\(JournalMessageID.reloadFailed)"])
            notifier.ready(status: "Reload failed, previous rules in force: \(error.diagnostics.first?.description ?? "")")
        }
    }

    /// Gives the engine the channels of `config` and the delivery task their transports and
    /// the office hours (at start and on reload), and logs the channels that could not be
    /// set up.
    private func wireChannels(
        _ engine: inout TickEngine, _ config: DaemonConfig, _ rules: LoadedRules, setup: DeliverySetup, http: HTTPClient
    ) {
        let wired = ChannelWiring.channels(config, rules: rules.rules, rulesVersion: rules.version, http: http)
        engine.channels = wired.channels.sorted { $0.name < $1.name }
        var transports: [ChannelName: any DeliveryTransport] = [:]
        for channel in wired.channels {
            if let transport = channel.transport { transports[channel.name] = transport }
        }
        setup.update(transports: transports, officeHours: Self.officeHours(rules.rules))
        for problem in wired.problems {
            logger.error("\(problem)", metadata: ["MESSAGE_ID": "\(JournalMessageID.channelUnavailable)"])
        }
    }

    private static func officeHours(_ rules: Rules) -> OfficeHours {
        OfficeHours(calendar: rules.calendar, zone: rules.zone)
    }

    /// Loads the config and the rules it names.
    ///
    /// Throws ``DiagnosticsError`` with every problem of either file.
    package static func load(_ configPath: String) throws(DiagnosticsError) -> (DaemonConfig, Rules) {
        let (config, rules) = try loadVersioned(configPath)
        return (config, rules.rules)
    }

    /// Loads the config and the rules it names, as ``loadVersioned(_:)`` does, and checks that
    /// every configured channel can be set up (``ChannelSetupCheck``): what `serve` starts and
    /// reloads with.
    ///
    /// Throws ``DiagnosticsError`` with every problem of either file and of the channels.
    package static func loadForServe(
        _ configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DiagnosticsError) -> (config: DaemonConfig, rules: LoadedRules) {
        let loaded = try loadVersioned(configPath)
        let problems = ChannelSetupCheck.problems(loaded.config, environment: environment)
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return loaded
    }

    /// Loads the config and the rules it names, with the rules' version (each file read once).
    ///
    /// Throws ``DiagnosticsError`` with every problem of either file.
    package static func loadVersioned(
        _ configPath: String
    ) throws(DiagnosticsError) -> (config: DaemonConfig, rules: LoadedRules) {
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
}

/// The tick schedule shared between the loop (which changes it on reload) and the ticker.
private final class SharedSchedule: Sendable {
    private let mutex: Mutex<TickSchedule>

    init(_ schedule: TickSchedule) { mutex = Mutex(schedule) }

    var current: TickSchedule { mutex.withLock { $0 } }

    func setInterval(_ interval: Int) { mutex.withLock { $0.interval = max(1, interval) } }
}
