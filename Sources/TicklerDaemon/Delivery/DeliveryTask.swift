package import Logging
import Synchronization
package import TicklerDelivery
package import TicklerStore

/// The transports and office hours the delivery task uses, replaced on reload.
package final class DeliverySetup: Sendable {
    private let state: Mutex<(transports: [ChannelName: any DeliveryTransport], officeHours: OfficeHours)>

    package init(transports: [ChannelName: any DeliveryTransport], officeHours: OfficeHours) {
        state = Mutex((transports, officeHours))
    }

    /// Replaces the transports and the office hours (a reload).
    package func update(transports: [ChannelName: any DeliveryTransport], officeHours: OfficeHours) {
        state.withLock { $0 = (transports, officeHours) }
    }

    /// The transport of `channel` (`nil` when the channel is off) and the office hours.
    package func current(_ channel: ChannelName) -> (transport: (any DeliveryTransport)?, officeHours: OfficeHours) {
        state.withLock { ($0.transports[channel], $0.officeHours) }
    }
}

/// What the delivery task did since the last tick asked, for the tick's `STATUS=` line.
package final class DeliveryTally: Sendable {
    private let counts = Mutex(OutboxDrain.Report())

    package init() {}

    /// Adds the figures of one drain.
    package func add(_ report: OutboxDrain.Report) {
        counts.withLock {
            $0.delivered += report.delivered
            $0.retried += report.retried
            $0.deadLettered += report.deadLettered
        }
    }

    /// The figures since the last call, and starts again from zero.
    package func take() -> OutboxDrain.Report {
        counts.withLock { counts in
            defer { counts = OutboxDrain.Report() }
            return counts
        }
    }
}

/// Delivers the outbox, apart from the ticks: one loop per outbox channel, each draining
/// what is due and then napping until its next message is due (a second at most, so a
/// newly queued digest or a `tickler outbox retry` goes out within about a second).
///
/// A tick never waits for a delivery, and a channel never waits for another: a receiver
/// that hangs holds its own channel's messages (each attempt is cut at the channel's
/// deadline), not the ticks, the watchdog or the other channels. Chat robots are paced here,
/// per URL (``ChatPacing``): a message over its robot's rate waits in the outbox, and the
/// tick that queued it never waits.
package struct DeliveryTask: Sendable {
    package var outbox: Outbox
    package var setup: DeliverySetup
    package var tally: DeliveryTally
    package var clock: any TickClock
    package var policy: RetryPolicy
    package var logger: Logger
    /// What went to each chat URL, per channel, for the daemon's lifetime (reloads included).
    private let pacing: [ChannelName: ChatPacing]

    package init(
        outbox: Outbox, setup: DeliverySetup, tally: DeliveryTally, clock: any TickClock,
        policy: RetryPolicy = RetryPolicy(), logger: Logger
    ) {
        self.outbox = outbox
        self.setup = setup
        self.tally = tally
        self.clock = clock
        self.policy = policy
        self.logger = logger
        pacing = Dictionary(uniqueKeysWithValues: ChannelName.allCases.map { ($0, ChatPacing()) })
    }

    /// The longest nap between two looks at the outbox.
    static let longestNap = Duration.seconds(1)

    /// Runs until the task is cancelled.
    package func run() async {
        await withDiscardingTaskGroup { group in
            for channel in ChannelName.allCases where channel != .journal {
                group.addTask { await loop(channel) }
            }
        }
    }

    /// Drains what is due on every outbox channel once (`serve --once`, after its tick).
    package func drainOnce() async {
        for channel in ChannelName.allCases where channel != .journal {
            var fault = RepeatedFault()
            _ = await drain(channel, fault: &fault)
        }
    }

    private func loop(_ channel: ChannelName) async {
        var fault = RepeatedFault()
        while !Task.isCancelled {
            let nap = await drain(channel, fault: &fault)
            do {
                try await clock.sleep(for: nap)
            } catch {
                return
            }
        }
    }

    /// One drain of `channel`; returns how long to nap before the next.
    private func drain(_ channel: ChannelName, fault: inout RepeatedFault) async -> Duration {
        let (transport, officeHours) = setup.current(channel)
        guard let transport else { return Self.longestNap }
        let now = clock.now()
        let paced: Bool
        do {
            let clock = clock
            let drain = OutboxDrain(
                outbox: outbox, channel: channel.rawValue, transport: transport, policy: policy,
                officeHours: officeHours, pacing: pacing[channel] ?? ChatPacing(), uptime: { clock.uptime() })
            let report = try await drain.run(now: now, logger: logger)
            tally.add(report)
            paced = report.paced > 0
            if let cleared = fault.cleared() {
                logger.info("the \(channel.rawValue) outbox works again (the last failure was: \(cleared))")
            }
        } catch {
            if fault.occurred("\(error)") {
                let text = "cannot deliver the \(channel.rawValue) outbox: \(error); retried every second, "
                    + "reported again only when the error changes or clears"
                logger.error(
                    "\(text)",
                    metadata: ["MESSAGE_ID": "\(JournalMessageID.tickFailed)"])
            }
            return Self.longestNap
        }
        // Messages held back by a robot's pace are due already: look again in a second.
        guard officeHours.isOpen(now), !paced, let wait = await outbox.nextWait(channel: channel.rawValue, now: now) else {
            return Self.longestNap
        }
        return min(max(wait, .milliseconds(50)), Self.longestNap)
    }
}
