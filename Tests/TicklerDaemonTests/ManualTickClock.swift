import Foundation
import Synchronization
import TicklerDaemon

/// A ``TickClock`` the test moves by hand: ``advance(by:)`` moves the wall clock and the
/// monotonic clock together and wakes the sleepers whose time came; ``setWall(_:)`` moves
/// the wall clock alone (a clock set by hand or by NTP).
final class ManualTickClock: TickClock {
    private struct State {
        var wall: Date
        var uptime: Duration = .seconds(1000)
        var sleepers: [(id: Int, until: Duration, continuation: CheckedContinuation<Void, any Error>)] = []
        var next = 0
    }

    private let state: Mutex<State>

    init(wall: Date) {
        state = Mutex(State(wall: wall))
    }

    func now() -> Date { state.withLock { $0.wall } }

    func uptime() -> Duration { state.withLock { $0.uptime } }

    /// How many tasks are asleep on this clock.
    var sleeping: Int { state.withLock { $0.sleepers.count } }

    func sleep(for duration: Duration) async throws {
        let id = state.withLock {
            $0.next += 1
            return $0.next
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Bool = state.withLock {
                    if duration <= .zero { return true }
                    $0.sleepers.append((id, $0.uptime + duration, continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index).continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Moves both clocks by `duration` and wakes who is due.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.uptime += duration
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            state.wall = state.wall.addingTimeInterval(seconds)
            let due = state.sleepers.filter { $0.until <= state.uptime }
            state.sleepers.removeAll { $0.until <= state.uptime }
            return due.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    /// Sets the wall clock alone.
    func setWall(_ date: Date) {
        state.withLock { $0.wall = date }
    }
}
