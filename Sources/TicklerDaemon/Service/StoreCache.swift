import Synchronization
package import TicklerCore
package import TicklerStore

/// The daemon's store across ticks: a ``StoreFollower`` that reads only what changed, made
/// anew when the store path, the zone or the classes change (a reload with other rules).
package final class StoreCache: Sendable {
    private let follower = Mutex<StoreFollower?>(nil)
    /// ``StoreFollower/quietPeriod``: the daemon keeps its last snapshot while a store file
    /// is being rewritten in place.
    private let quietPeriod: Duration
    /// ``StoreFollower/missingGrace``: how long a collection read before may be missing.
    private let missingGrace: Duration?

    package init(quietPeriod: Duration = .zero, missingGrace: Duration? = nil) {
        self.quietPeriod = quietPeriod
        self.missingGrace = missingGrace
    }

    /// The store at `directory` as of now, read incrementally; `changed` is `false` when no
    /// file changed since the last call. With `state` (the daemon's state folder), what each
    /// good snapshot was read from is kept in `store-seen.json` there, and a start that finds a
    /// collection missing or empty that held records at the last run is held
    /// (``StoreFollower/seenFile``). Throws ``StoreError`` when it cannot be read or is held.
    package func refresh(
        _ directory: String, rules: Rules, seenIn state: String? = nil
    ) throws -> (load: StoreLoad, changed: Bool) {
        try follower.withLock { current in
            var next = current
            if next == nil || next!.directory != directory || next!.zone != rules.zone || next!.classes != rules.classes
                || next!.contactMethods != rules.knownContactMethods.map(\.rawValue)
            {
                next = StoreFollower(
                    directory: directory, zone: rules.zone, classes: rules.classes,
                    contactMethods: rules.knownContactMethods.map(\.rawValue), quietPeriod: quietPeriod)
                next!.seenFile = state.map { StoreSeenFile(stateDirectory: $0) }
                next!.missingGrace = missingGrace
            }
            let result = try next!.refresh()
            current = next
            return result
        }
    }
}
