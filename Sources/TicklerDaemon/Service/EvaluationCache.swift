package import Foundation
import Synchronization
package import TicklerCore

/// The daemon's evaluation across ticks: an ``IncrementalEvaluator`` that keeps each
/// customer's follow-up result until its record, its last contact or its day changes, made
/// anew (from scratch) when the rules are reloaded.
package final class EvaluationCache: Sendable {
    private let evaluator = Mutex<IncrementalEvaluator?>(nil)

    package init() {}

    /// Forgets every kept result: the next ``evaluate(_:rules:at:since:ledger:)`` starts from scratch.
    package func reset() {
        evaluator.withLock { $0 = nil }
    }

    /// What ``Evaluator/evaluate(_:at:since:ledger:)`` gives, reusing the unchanged customers.
    package func evaluate(
        _ snapshot: Snapshot, rules: Rules, at now: Date, since: Date, ledger: [LedgerEntry]
    ) -> Evaluation {
        evaluator.withLock { kept in
            // Moved out, so that its kept results are not copied when it changes them.
            var next = kept ?? IncrementalEvaluator(rules: rules)
            kept = nil
            let evaluation = next.evaluate(snapshot, at: now, since: since, ledger: ledger)
            kept = next
            return evaluation
        }
    }
}
