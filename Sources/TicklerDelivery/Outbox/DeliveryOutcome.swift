/// What one delivery attempt on a channel (mail or webhook) came to; the outbox decides from
/// it whether the entry is done, waits and retries, or becomes a dead letter.
package enum DeliveryOutcome: Sendable, Equatable {
    /// The channel took the message (mail appended or handed off, webhook answered 2xx).
    case delivered
    /// A transient failure: try again later, after `after` when the peer said so
    /// (`Retry-After`), otherwise after the outbox's backoff.
    case retry(after: Duration?, reason: String)
    /// A permanent failure (a 4xx other than 408/429, a refused address): do not retry,
    /// keep it as a dead letter an admin can see with `tickler outbox`.
    case deadLetter(reason: String)
}
