/// Collection files that were read before and are missing now, with when each was first seen
/// missing, so ``StoreFollower`` can tell a file being replaced (gone for a moment: a CRM
/// export that removes and writes again, a copy between two ticks) from one really removed.
///
/// While a file has been missing for less than the quiet period, the follower keeps its last
/// snapshot, exactly as for a file being rewritten in place: reading the store without its
/// contacts would make every customer look uncontacted and charge fines for one bad tick.
struct VanishedFiles: Sendable, Hashable {
    /// File name to the time (nanoseconds since 1970) it was first seen missing.
    private var since: [String: Int64] = [:]

    /// Records that `missing` are missing at `now` and forgets the others; returns those
    /// missing for less than `quiet` nanoseconds, in the order given.
    mutating func recent(_ missing: [String], now: Int64, quiet: Int64) -> [String] {
        since = since.filter { missing.contains($0.key) }
        var recent: [String] = []
        for name in missing {
            let first = since[name] ?? now
            since[name] = first
            if now - first < quiet { recent.append(name) }
        }
        return recent
    }
}
