import Foundation
import AsyncHTTPClient
import Logging
import TicklerCore
import TicklerDelivery
import TicklerStore

extension TicklerService {
    /// What the loop remembers between ticks.
    struct LoopState {
        /// The last finished tick, in this run or (from the state directory) an earlier one.
        var lastTick: Date?
        let mark: LastTick
        /// The daemon's one HTTP client (webhooks), kept across reloads.
        let http: HTTPClient
        /// What the delivery task delivers with (replaced on reload) and what it did.
        let setup: DeliverySetup
        let tally: DeliveryTally
        /// Clock jumps between ticks.
        var watch: ClockWatch
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

    func tick(_ engine: inout TickEngine, _ state: inout LoopState) async {
        let now = clock.now()
        let uptime = clock.uptime()
        let tolerance = TimeInterval(max(engine.config.interval, 60))
        switch state.watch.assess(now: now, uptime: uptime, tolerance: tolerance) {
        case .run:
            break
        case .hold(let seconds):
            logger.warning(
                "the clock jumped forward by \(Int(seconds)) s since the last tick; this tick is held and the next one runs at the time the clock then shows",
                metadata: ["MESSAGE_ID": "\(JournalMessageID.clockJump)"])
            notifier.status("Tick held: the clock jumped forward by \(Int(seconds)) s")
            return
        case .wentBack(let seconds):
            do {
                let forgotten = try await engine.log.forget(recordedAfter: now)
                logger.warning(
                    "the clock went back by \(Int(seconds)) s since the last tick; \(forgotten) deliveries recorded after \(now) are forgotten and evaluated again",
                    metadata: ["MESSAGE_ID": "\(JournalMessageID.clockJump)"])
            } catch {
                logger.error(
                    "the clock went back by \(Int(seconds)) s and the notification log cannot be corrected: \(error)",
                    metadata: ["MESSAGE_ID": "\(JournalMessageID.clockJump)"])
            }
            state.lastTick = min(state.lastTick ?? now, now)
        }
        let startOfDay = engine.rules.zone.startOfDay(now)
        let since = max(min(startOfDay, state.lastTick ?? startOfDay), now.addingTimeInterval(-Self.catchUpLimit))
        do {
            var (report, problems) = try await engine.tick(
                at: now, since: since, logger: logger, elapsed: { [clock] in clock.uptime() })
            let delivered = state.tally.take()
            report.sent = delivered.delivered
            report.deadLetters = delivered.deadLettered
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
            state.watch.ran(now: now, uptime: uptime)
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
}
