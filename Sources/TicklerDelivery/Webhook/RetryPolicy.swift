/// When to try a failed delivery again: exponential backoff with full jitter (a random delay
/// between 0 and `min(cap, base * 2^attempt)`), so many stuck messages do not retry in step;
/// a receiver's `Retry-After` wins, up to the cap.
///
/// The random source is injected: tests pass a fixed one, the outbox the system's.
package struct RetryPolicy: Sendable {
    package var base: Duration
    package var cap: Duration
    /// Returns a value in `0...1`.
    package var random: @Sendable () -> Double

    package init(
        base: Duration = .seconds(30), cap: Duration = .seconds(3600),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.base = base
        self.cap = cap
        self.random = random
    }

    /// The wait before attempt `attempt + 1`, after `attempt` failed ones (1 after the first
    /// failure): the receiver's `retryAfter` (at most `cap`) when it gave one, otherwise a
    /// uniformly random delay in `0...min(cap, base * 2^(attempt - 1))`.
    package func delay(attempt: Int, retryAfter: Duration? = nil) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), cap) }
        let exponent = min(max(attempt - 1, 0), 62)
        let baseSeconds = Double(base.components.seconds) + Double(base.components.attoseconds) / 1e18
        let capSeconds = Double(cap.components.seconds) + Double(cap.components.attoseconds) / 1e18
        let ceiling = min(capSeconds, baseSeconds * pow2(exponent))
        let fraction = min(max(random(), 0), 1)
        return .milliseconds(Int64((ceiling * fraction * 1000).rounded(.down)))
    }

    private func pow2(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 2 }
        return result
    }

    /// The delay for an outcome: `retry(after:)`'s value through ``delay(attempt:retryAfter:)``.
    package func delay(attempt: Int, after outcome: DeliveryOutcome) -> Duration? {
        guard case .retry(let after, _) = outcome else { return nil }
        return delay(attempt: attempt, retryAfter: after)
    }
}
