package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's outbox: the one owner of `outbox.log` and the message bodies in `outbox.d/`.
///
/// It queues messages, hands out the due ones in batches, records how their attempts went
/// (delivered, retried after a wait, dead), and answers which notice keys its messages
/// hold. The index of entries lives in memory, without bodies: the file is replayed once,
/// at the first use, and again only when another process (`tickler outbox retry`/`drop`)
/// changed it, which the actor sees from the file's identity and size under the shared
/// `flock`. Bodies are read one batch at a time, so memory is bounded by the batch.
///
/// Waits before a retry are durations on the monotonic clock, not wall-clock instants: a
/// wall clock set back (or forward) does not stretch or skip them. The `due` written to the
/// file is what `tickler outbox` shows and what a restart starts from.
package actor Outbox {
    /// The state directory.
    package nonisolated let directory: String
    private let store: OutboxStore
    private let bodies: OutboxBodies
    /// Whether this is the daemon's outbox: it moves bodies out of the log and sweeps
    /// stray body files. `tickler outbox` (perhaps run as root) writes only the log.
    private let owner: Bool
    private var index: [String: OutboxEntry] = [:]
    private var file: RecordFile?
    private var mark: FileMark?
    private var lines = 0
    /// Monotonic not-before times (on ``uptime``) of messages waiting to be retried.
    private var waits: [String: Duration] = [:]
    /// The monotonic clock the waits are measured on (time since boot, suspend included).
    private let uptime: @Sendable () -> Duration

    /// The identity and size of `outbox.log` as this actor last left it.
    private struct FileMark: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
    }

    /// A message claimed for an attempt: its entry (attempt already counted) and its body.
    package struct Claimed: Sendable {
        package var entry: OutboxEntry
        /// `nil` when the body file is missing or damaged (the message cannot be sent).
        package var body: [UInt8]?
    }

    /// What became of one attempt.
    package enum Settlement: Sendable {
        case delivered
        /// Waits `wait` seconds on the monotonic clock; `due` is the wall-clock estimate
        /// written to the file (the end of the wait, moved into office hours).
        case retry(wait: TimeInterval, due: Date, reason: String)
        case dead(reason: String)
    }

    /// The outbox of the state directory, created (mode 0700) when `owner` is set.
    ///
    /// Throws ``StateFileError`` when the directory cannot be created.
    package init(
        directory: String, owner: Bool = true, uptime: @escaping @Sendable () -> Duration = Outbox.systemUptime
    ) throws {
        self.directory = directory
        self.uptime = uptime
        self.owner = owner
        store = try OutboxStore(directory: directory, create: owner)
        bodies = OutboxBodies(stateDirectory: directory)
    }

    /// Every entry that is not dropped (bodies left out), by creation time then id.
    ///
    /// Throws ``StateFileError`` when the file cannot be read.
    package func entries() async throws -> [OutboxEntry] {
        try await transaction { _ in () }
        return index.values.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }

    /// How many messages wait for delivery on `channels` (all channels when `nil`). A count for
    /// the status line: while another process holds the outbox lock, it is counted from the
    /// index as this actor last read it rather than waited for.
    package func pendingCount(channels: Set<String>? = nil) async throws -> Int {
        do {
            try await transaction(patience: .milliseconds(100)) { _ in () }
        } catch let error as StateFileError where error.code == EWOULDBLOCK && file != nil {
            // Held by another process: the last index read is good enough for a count.
        }
        return index.values.filter { $0.status == .pending && (channels?.contains($0.channel) ?? true) }.count
    }

    /// The notice keys that pending or dead messages of `channel` hold, by recipient.
    ///
    /// Throws ``StateFileError`` when the file cannot be read.
    package func heldKeys(channel: String) async throws -> [String: Set<String>] {
        try await transaction { _ in () }
        var held: [String: Set<String>] = [:]
        for entry in index.values where entry.channel == channel && (entry.status == .pending || entry.status == .dead) {
            held[entry.recipient, default: []].formUnion(entry.keys ?? [])
        }
        return held
    }

    /// Queues the messages not already in the outbox (by id): bodies first, then one log
    /// append. Returns how many were queued.
    ///
    /// Throws ``StateFileError`` when a body or the log cannot be written.
    package func enqueue(_ messages: [(entry: OutboxEntry, body: [UInt8])]) async throws -> Int {
        try await transaction { entries in
            var fresh: [(entry: OutboxEntry, body: [UInt8])] = []
            var ids = Set<String>()
            for message in messages where entries[message.entry.id] == nil && ids.insert(message.entry.id).inserted {
                fresh.append(message)
            }
            for message in fresh { try bodies.write(message.entry.id, message.body) }
            if !fresh.isEmpty { bodies.sync() }
            for message in fresh {
                var entry = message.entry
                entry.body = Data()
                entries[entry.id] = entry
            }
            return fresh.count
        }
    }

    /// Claims up to `limit` due messages of `channel` (and about `maxBytes` of bodies), oldest
    /// first: their attempt is recorded durably before it is made (a crash mid-delivery
    /// counts as an attempt). A due message that `admit` refuses (its receiver takes no more
    /// for now) is left waiting as it is, not attempted.
    ///
    /// Throws ``StateFileError`` when the file cannot be read or written.
    package func claim(
        channel: String, now: Date, limit: Int, maxBytes: Int = 4 << 20, excluding: Set<String> = [],
        admit: @Sendable (OutboxEntry) -> Bool = { _ in true }
    ) async throws -> [Claimed] {
        let instant = uptime()
        let claimed: [OutboxEntry] = try await transaction { entries in
            let due = entries.values.filter {
                $0.status == .pending && $0.channel == channel && !excluding.contains($0.id) && isDue($0, now, instant)
            }
                .sorted { ($0.created, $0.id) < ($1.created, $1.id) }
            var claimed: [OutboxEntry] = []
            var bytes = 0
            for var entry in due {
                if claimed.count >= max(1, limit) { break }
                // At least one message; then no more than `maxBytes` of bodies in one batch.
                if !claimed.isEmpty && bytes + (entry.size ?? entry.body.count) > maxBytes { break }
                guard admit(entry) else { continue }
                bytes += entry.size ?? entry.body.count
                entry.attempts += 1
                entry.updated = now
                entries[entry.id] = entry
                waits[entry.id] = nil
                claimed.append(entry)
            }
            return claimed
        }
        return claimed.map { entry in
            Claimed(entry: entry, body: entry.body.isEmpty ? bodies.read(entry.id) : Array(entry.body))
        }
    }

    /// The earliest moment a pending message of `channel` becomes due, as a wait from now
    /// (`.zero` when one is due already), or `nil` when none is pending.
    package func nextWait(channel: String, now: Date) -> Duration? {
        let instant = uptime()
        var best: Duration?
        for entry in index.values where entry.status == .pending && entry.channel == channel {
            let wait: Duration
            if let until = waits[entry.id] {
                wait = until > instant ? until - instant : .zero
            } else {
                wait = .milliseconds(Int64(max(0, entry.due.timeIntervalSince(now)) * 1000))
            }
            best = min(best ?? wait, wait)
        }
        return best
    }

    /// Records how the attempts of claimed messages went; a message changed meanwhile by
    /// `tickler outbox` (dropped, retried) is left as it now is.
    ///
    /// Throws ``StateFileError`` when the file cannot be written.
    package func settle(_ results: [(id: String, attempt: Int, settlement: Settlement)], now: Date) async throws {
        let instant = uptime()
        var delivered: [String] = []
        try await transaction { entries in
            for (id, attempt, settlement) in results {
                guard var entry = entries[id], entry.status == .pending, entry.attempts == attempt else { continue }
                entry.updated = now
                switch settlement {
                case .delivered:
                    entry.status = .delivered
                    entry.reason = nil
                    entry.body = Data()
                    entry.keys = nil
                    delivered.append(id)
                case .retry(let wait, let due, let reason):
                    entry.due = due
                    entry.reason = reason
                    waits[id] = instant + .milliseconds(Int64(max(0, wait) * 1000))
                case .dead(let reason):
                    entry.status = .dead
                    entry.reason = reason
                }
                entries[id] = entry
            }
        }
        for id in delivered { bodies.remove(id) }
    }

    /// Puts message `id` back in line, due `now` (see ``OutboxEntry/revived(at:)``); returns
    /// whether there was a dead or waiting message with that id.
    ///
    /// Throws ``StateFileError`` when the file cannot be read or written.
    package func retry(_ id: String, now: Date) async throws -> Bool {
        try await transaction { entries in
            guard let revived = entries[id]?.revived(at: now) else { return false }
            entries[id] = revived
            waits[id] = nil
            return true
        }
    }

    /// Removes waiting or dead message `id` for good, with its body; returns whether there
    /// was one.
    ///
    /// Throws ``StateFileError`` when the file cannot be read or written.
    package func drop(_ id: String) async throws -> Bool {
        let dropped: Bool = try await transaction { entries in
            guard entries[id]?.droppable == true else { return false }
            entries[id] = nil
            return true
        }
        if dropped { bodies.remove(id) }
        return dropped
    }

    /// Whether `entry` may be attempted now. A wait decided in this run is measured on the
    /// monotonic clock; one read from the file is measured from when it was decided, and a
    /// decision stamped later than `now` (the wall clock went back since) keeps its length.
    private func isDue(_ entry: OutboxEntry, _ now: Date, _ instant: Duration) -> Bool {
        if let until = waits[entry.id] { return instant >= until }
        if entry.updated > now.addingTimeInterval(60) {
            let wait = min(max(0, entry.due.timeIntervalSince(entry.updated)), 86_400)
            waits[entry.id] = instant + .milliseconds(Int64(wait * 1000))
            return wait == 0
        }
        return entry.due <= now
    }

    /// Runs `body` on the index under the outbox lock, first replaying the file when it is
    /// not loaded yet or another process changed it; appends what `body` changed.
    ///
    /// The lock is taken without blocking a thread (``OutboxStore/exclusiveLock(patience:)``);
    /// once it is held, nothing here suspends, so no other call of this actor interleaves.
    private func transaction<T>(
        patience: Duration = OutboxStore.lockPatience, _ body: (inout [String: OutboxEntry]) throws -> T
    ) async throws -> T {
        let lock = try await store.exclusiveLock(patience: patience)
        defer { close(lock) }
        do {
            let path = store.path
            if file == nil || mark != Self.mark(path) {
                try reload(path)
            }
            guard let file else { throw StateFileError(.open, path: path) }
            let before = index
            var after = index
            let result = try body(&after)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var changed: [Data] = []
            for (id, entry) in after.sorted(by: { $0.key < $1.key }) where before[id] != entry {
                changed.append(try OutboxStore.encode(entry, encoder))
            }
            for (id, var entry) in before.sorted(by: { $0.key < $1.key }) where after[id] == nil {
                entry.status = .dropped
                changed.append(try OutboxStore.encode(entry, encoder))
            }
            try file.append(changed)
            lines += changed.count
            index = after
            if lines > 2 * index.count + 64 {
                let horizon = Date().addingTimeInterval(-OutboxStore.deliveredRetention)
                index = index.filter { $0.value.status != .delivered || $0.value.updated >= horizon }
                let kept = index.values.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
                try file.replace(with: kept.map { try OutboxStore.encode($0, encoder) })
                lines = kept.count
            }
            mark = Self.mark(path)
            return result
        }
    }

    /// Reads the whole file into the index; the daemon's outbox moves bodies still inside the
    /// log (queued by an older version) out to their files and sweeps stray body files.
    private func reload(_ path: String) throws {
        let opened = try RecordFile(path)
        var entries = OutboxStore.replay(opened.records)
        lines = opened.records.count
        opened.dropLoadedRecords()
        for (id, entry) in entries where !entry.body.isEmpty {
            let live = entry.status == .pending || entry.status == .dead
            if live && !owner { continue }
            if live { try bodies.write(id, Array(entry.body)) }
            entries[id]?.size = entry.body.count
            entries[id]?.body = Data()
        }
        if owner {
            bodies.sync()
            bodies.sweep(keeping: Set(entries.values.filter { $0.status == .pending || $0.status == .dead }.map(\.id)))
        }
        waits = waits.filter { id, _ in entries[id]?.status == .pending && entries[id]?.due == index[id]?.due }
        index = entries
        file = opened
    }

    /// `CLOCK_BOOTTIME`: monotonic, and counting a suspend as time that passed.
    package static let systemUptime: @Sendable () -> Duration = {
        var ts = timespec()
        clock_gettime(CLOCK_BOOTTIME, &ts)
        return .seconds(Int64(ts.tv_sec)) + .nanoseconds(Int64(ts.tv_nsec))
    }

    private static func mark(_ path: String) -> FileMark? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileMark(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size))
    }
}
