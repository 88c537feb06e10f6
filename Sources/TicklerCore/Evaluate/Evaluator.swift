package import Foundation

/// The pure evaluation core: `(rules, snapshot, now) -> notices + ledger entries`.
///
/// No I/O and no clock: the time is an argument. The same inputs give the same notices
/// with the same keys, which is what lets `eval`, `test`, replays and the daemon share it.
package struct Evaluator: Sendable {
    package var rules: Rules

    package init(rules: Rules) {
        self.rules = rules
    }

    /// What is due at `now`. Event notices (late, absent, penalty) are those whose record
    /// falls in `[since, now]`; `since` defaults to the start of the local day of `now`.
    package func evaluate(_ snapshot: Snapshot, at now: Date, since: Date? = nil) -> Evaluation {
        Evaluation()
    }
}
