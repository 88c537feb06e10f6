import Foundation
import Logging
import ServiceLifecycleTestKit
import Synchronization
import TicklerDaemon
import TicklerStore
import Testing

/// Log records kept in memory (the logging system is never bootstrapped in tests).
final class LogCapture: Sendable {
    private let records = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "tickler-test") { _ in Handler(capture: self) }
    }

    var messages: [String] { records.withLock { $0 } }

    func count(_ text: String) -> Int { messages.filter { $0.contains(text) }.count }

    /// Waits (a bound for a broken service, not a timing assertion) until `condition` holds.
    func wait(_ what: String, _ condition: @escaping (LogCapture) -> Bool) async throws {
        for _ in 0..<2000 where !condition(self) {
            try await Task.sleep(for: .milliseconds(10))
        }
        if !condition(self) { throw TestFailure("waited 20 s for \(what); log: \(messages)") }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.records.withLock { $0.append("\(event.message)") }
        }
    }
}

/// The service run in process on a ``ManualTickClock`` (ServiceLifecycleTestKit triggers the
/// graceful shutdown); the real-process tests cover journald and systemd.
@Suite("The service on a manual clock", .serialized)
struct ServiceClockTests {
    /// The deliveries the notification log holds, with their times.
    static func recorded(_ office: FixtureOffice) throws -> [(key: String, at: Date)] {
        let text = try String(contentsOfFile: office.folder + "/state/notifications.log", encoding: .utf8)
        return try text.split(separator: "\n").map {
            let entry = try JSONDecoder().decode(NotificationLog.Entry.self, from: Data($0.utf8))
            return (entry.key, entry.at)
        }
    }

    /// Moves the clock 10 s at a time until `condition` holds (at most 10 minutes of clock).
    static func run(
        _ clock: ManualTickClock, _ capture: LogCapture, until what: String, _ condition: @escaping (LogCapture) -> Bool
    ) async throws {
        for _ in 0..<60 where !condition(capture) {
            // The ticker and both delivery loops asleep: the service has caught up.
            try await capture.wait("the service's naps") { _ in clock.sleeping >= 3 }
            clock.advance(by: .seconds(10))
            try await Task.sleep(for: .milliseconds(50))
        }
        try await capture.wait(what, condition)
    }

    @Test("a clock that jumps forward for one tick records nothing; one set back forgets what was recorded after it")
    func clockJumps() async throws {
        let office = try FixtureOffice("clock", interval: "1m", channels: "  mail: { maildir: mail }")
        defer { office.remove() }
        let minute = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60
        let start = Date(timeIntervalSince1970: minute + 10)
        let clock = ManualTickClock(wall: start)
        let capture = LogCapture()
        let service = TicklerService(
            configPath: office.config, once: false, logger: capture.logger,
            notifier: SystemdNotifier(environment: [:]), clock: clock)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                try await capture.wait("the first tick") { $0.count("Last tick") == 1 }
                let first = try Self.recorded(office)
                #expect(!first.isEmpty && first.allSatisfy { $0.at == start })

                // NTP steps the clock 400 days ahead, then back: the tick in between is held.
                clock.setWall(start.addingTimeInterval(400 * 86_400))
                try await Self.run(clock, capture, until: "the held tick") { $0.count("jumped forward") == 1 }
                #expect(try Self.recorded(office).count == first.count, "nothing recorded from the jumped clock")
                clock.setWall(start.addingTimeInterval(60))
                try await Self.run(clock, capture, until: "the next tick") { $0.count("Last tick") == 2 }
                #expect(try Self.recorded(office).allSatisfy { $0.at < start.addingTimeInterval(3600) })

                // Set back by a day: what was recorded after the new time is evaluated again.
                clock.setWall(start.addingTimeInterval(-86_400))
                try await Self.run(clock, capture, until: "the tick after the clock went back") { $0.count("Last tick") == 3 }
                #expect(capture.count("went back") == 1)
                let again = try Self.recorded(office)
                #expect(!again.isEmpty && again.allSatisfy { $0.at < start })
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        #expect(capture.count("stopping") == 1)
    }
}
