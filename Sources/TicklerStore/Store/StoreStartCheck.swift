import Foundation
import TicklerCore

/// The check a starting ``StoreFollower`` makes against ``StoreSeen`` before its first snapshot
/// counts: a collection that held records at the last run and is missing or empty now is not
/// yet readable (a CRM export replacing it by `mv`, a copy between two runs), so the start is
/// held until the file is back, or until it has stayed missing or empty for the follower's grace
/// at two refreshes at least that far apart, when it counts as really gone.
struct StoreStartCheck {
    /// What the last good snapshot read, and since when listed collections have been missing.
    var seen: StoreSeen
    /// The records read now, by collection name, with the file they came from (`nil`: no file).
    var now: [String: (file: String?, records: Int)]
    var at: Int64
    var quiet: Int64

    /// A collection that held records at the last run and has none now.
    struct Missing {
        var collection: String
        /// The file now, or `nil` when there is none.
        var file: String?
        var before: StoreSeen.Entry
        var since: Int64
    }

    /// The listed collections without records now, each with the time it was first found so.
    var missing: [Missing] {
        seen.collections.sorted { $0.key < $1.key }.compactMap { name, entry in
            let current = now[name]
            guard entry.records > 0, (current?.records ?? 0) == 0 else { return nil }
            return Missing(
                collection: name, file: current?.file, before: entry, since: seen.missingSince[name] ?? at)
        }
    }

    /// Those missing for less than the grace (the clock moving back counts as time passed).
    var held: [Missing] { missing.filter { abs(at - $0.since) < quiet } }
    /// Those missing for the grace or longer: they now count as removed.
    var accepted: [Missing] { missing.filter { abs(at - $0.since) >= quiet } }

    /// ``seen`` with the missing times updated, to be written while the start is held.
    var heldSeen: StoreSeen {
        var next = seen
        next.missingSince = Dictionary(uniqueKeysWithValues: missing.map { ($0.collection, $0.since) })
        return next
    }

    /// The error that holds the start, naming `directory`'s files; `nil` when none is held.
    func holdError(directory: String, seenPath: String) -> StoreError? {
        guard let first = held.first else { return nil }
        let others = held.dropFirst().map { "\($0.before.file) (\(Self.state($0)))" }
        let also = others.isEmpty ? "" : "; also \(others.joined(separator: ", "))"
        return StoreError(
            .goneSinceLastRun, path: Self.join(directory, first.file ?? first.before.file),
            message: "\(Self.state(first)), though the last snapshot read \(Self.records(first.before.records)) from "
                + "\(first.before.file) (\(seenPath))\(also); evaluating without them could send wrong notices "
                + "and charge wrong fines, so no tick evaluates until it is back (a CRM export replacing it?); "
                + "if it was emptied or removed on purpose, it counts as such once it has stayed so for "
                + "\(StoreFollower.seconds(quiet)), at the next tick after that")
    }

    /// One warning per collection that now counts as removed, for the journal.
    func acceptedNotes(directory: String) -> [Diagnostic] {
        accepted.map { gone in
            let since = Date(timeIntervalSince1970: Double(gone.since) / 1e9)
            return Diagnostic(
                SourceLocation(file: Self.join(directory, gone.file ?? gone.before.file), line: 1),
                "\(Self.state(gone)) since \(since.formatted(.iso8601)), though the daemon's last snapshot read "
                    + "\(Self.records(gone.before.records)) from \(gone.before.file); it now counts as "
                    + "\(gone.file == nil ? "removed" : "emptied") and is read as empty",
                severity: .warning)
        }
    }

    private static func records(_ count: Int) -> String {
        count == 1 ? "1 record" : "\(count) records"
    }

    private static func state(_ missing: Missing) -> String {
        missing.file == nil ? "missing" : "without records"
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
