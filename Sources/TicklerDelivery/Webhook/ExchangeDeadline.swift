/// The one deadline of a whole webhook exchange: connecting, sending, the answer's head and
/// its body. The HTTP client's own timeouts bound each step and restart with every byte, so
/// a receiver that dribbles its answer one byte a second would hold a delivery slot for as
/// long as it likes; this bound does not restart.
package struct ExchangeDeadline: Error, Sendable, CustomStringConvertible {
    /// How long the exchange was allowed.
    package var limit: Duration

    package var description: String { "no complete answer within \(limit)" }

    /// Runs `exchange` and returns its result, or cancels it once `limit` has passed and
    /// throws ``ExchangeDeadline``. Returns only when `exchange` has stopped (it must honour
    /// cancellation, as AsyncHTTPClient's requests and answer bodies do).
    ///
    /// Throws what `exchange` throws, or ``ExchangeDeadline``.
    package static func run<Result: Sendable>(
        within limit: Duration, _ exchange: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await exchange() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw ExchangeDeadline(limit: limit)
            }
            return result
        }
    }
}
