package import Foundation

/// When to try a failed delivery again: exponential backoff with full jitter (a random wait
/// between 0 and `min(cap, base * 2^(attempt-1))`, so many failed messages do not all come
/// back at once), a peer's own `Retry-After` honoured, and a limit after which the message
/// becomes a dead letter.
package struct RetryPolicy: Sendable, Hashable {
    /// The backoff of the first retry.
    package var base: TimeInterval
    /// The longest backoff.
    package var cap: TimeInterval
    /// Attempts before giving up (the message is then a dead letter).
    package var maxAttempts: Int

    package init(base: TimeInterval = 60, cap: TimeInterval = 6 * 3600, maxAttempts: Int = 30) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The upper bound of the wait after `attempt` failed attempts.
    package func ceiling(afterAttempt attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 40)))
        return min(cap, base * pow(2, exponent))
    }

    /// The wait after `attempt` failed: the peer's `retryAfter` when it gave one (never more
    /// than a day), otherwise a full-jitter draw from `generator`.
    package func delay(
        afterAttempt attempt: Int, retryAfter: Duration?, using generator: inout some RandomNumberGenerator
    ) -> TimeInterval {
        if let retryAfter {
            let seconds = Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18
            return min(max(0, seconds), 86_400)
        }
        return Double.random(in: 0...ceiling(afterAttempt: attempt), using: &generator)
    }
}
