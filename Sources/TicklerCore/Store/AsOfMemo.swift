import Foundation

/// The span of evaluation times that cut a snapshot the same way: every kept record is dated
/// at or before each of them, every left-out record after. Computed during the cut itself.
struct CutSpan: Sendable {
    /// Latest instant kept, earliest instant left out (`nil`: none).
    var keptInstant: Date?
    var nextInstant: Date?
    /// The same for the local wall minutes of attendance and undated filings.
    var keptWall: Int?
    var nextWall: Int?

    /// Records one dated value of a record (or of its approval) against `now`.
    mutating func see(_ instant: Date, now: Date) {
        if instant <= now {
            if keptInstant.map({ instant > $0 }) ?? true { keptInstant = instant }
        } else if nextInstant.map({ instant < $0 }) ?? true {
            nextInstant = instant
        }
    }

    mutating func see(wall minute: Int, now: Int) {
        if minute <= now {
            if keptWall.map({ minute > $0 }) ?? true { keptWall = minute }
        } else if nextWall.map({ minute < $0 }) ?? true {
            nextWall = minute
        }
    }

    func contains(_ now: Date, wall: Int) -> Bool {
        (keptInstant.map { $0 <= now } ?? true) && (nextInstant.map { now < $0 } ?? true)
            && (keptWall.map { $0 <= wall } ?? true) && (nextWall.map { wall < $0 } ?? true)
    }
}

/// The last few cuts ``Snapshot/asOf(_:zone:)`` made of one snapshot, each with its
/// ``CutSpan``: the daemon evaluates an unchanged store tick after tick (and each scheduled
/// report as of its own time), and a cut is valid until a left-out record's time comes, so
/// it is made once rather than every tick. Shared by the copies of the snapshot, which is
/// immutable once built; the results are the same with or without it.
final class AsOfMemo: @unchecked Sendable {
    private struct Entry {
        var zone: Zone
        var span: CutSpan
        var snapshot: Snapshot
    }

    /// Enough for an evaluation time and a few report times; each entry holds a cut copy
    /// of the records, so the memo stays small.
    private static let capacity = 4
    private let lock = NSLock()
    private var entries: [Entry] = []

    func cut(at now: Date, wall: Int, zone: Zone) -> Snapshot? {
        lock.withLock {
            guard let i = entries.firstIndex(where: { $0.zone == zone && $0.span.contains(now, wall: wall) }) else {
                return nil
            }
            let entry = entries.remove(at: i)
            entries.append(entry)
            return entry.snapshot
        }
    }

    func remember(_ snapshot: Snapshot, span: CutSpan, zone: Zone) {
        lock.withLock {
            entries.append(Entry(zone: zone, span: span, snapshot: snapshot))
            if entries.count > Self.capacity { entries.removeFirst() }
        }
    }
}
