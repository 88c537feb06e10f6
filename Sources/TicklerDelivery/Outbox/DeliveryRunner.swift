/// Runs delivery attempts with a bound on how many are in flight at once, each with the
/// transport of its channel (`mail`, `webhook`); the outbox records the outcomes.
package enum DeliveryRunner {
    /// Delivers `messages` (at most `maxConcurrent` at a time) and returns each one's
    /// outcome, in the order of `messages`. A message whose channel has no transport gets
    /// `retry` with a reason naming the channel.
    package static func run(
        _ messages: [OutboundMessage], transports: [String: any DeliveryTransport], maxConcurrent: Int = 4
    ) async -> [DeliveryOutcome] {
        var outcomes = [DeliveryOutcome?](repeating: nil, count: messages.count)
        await withTaskGroup(of: (Int, DeliveryOutcome).self) { group in
            var next = 0
            func start(_ index: Int) {
                let message = messages[index]
                guard let transport = transports[message.channel] else {
                    group.addTask {
                        (index, .retry(after: nil, reason: "the \(message.channel) channel is not configured"))
                    }
                    return
                }
                group.addTask { (index, await transport.deliver(message)) }
            }
            while next < messages.count && next < max(1, maxConcurrent) {
                start(next)
                next += 1
            }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                if next < messages.count {
                    start(next)
                    next += 1
                }
            }
        }
        return outcomes.map { $0 ?? .retry(after: nil, reason: "not attempted") }
    }
}
