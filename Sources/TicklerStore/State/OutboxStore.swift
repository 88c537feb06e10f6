package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The durable outbox (`outbox.log` in the state directory): every message queued for mail
/// or webhook delivery, written (`fsync`ed, mode 0600) before any attempt, with its status.
///
/// The file is a ``RecordFile`` of JSON lines, each the whole new state of one entry (the
/// last line of an id wins); a torn last line is cut off on open. Every operation is a short
/// transaction under an exclusive `flock` on `outbox.lock`: it reads the file, changes
/// entries, appends the changed ones, so the daemon and `tickler outbox` (retry, drop) can
/// both use it at once. When dead lines pile up the file is rewritten atomically, without
/// dropped entries and deliveries older than ``deliveredRetention``.
package struct OutboxStore: Sendable {
    /// How long a delivered id is remembered (without its body), so a digest built again
    /// after a crash between queueing and the notification log's record is not sent again.
    package static let deliveredRetention: TimeInterval = 7 * 86_400

    /// The state directory.
    package let directory: String
    /// The outbox file's path.
    package var path: String { directory + "/outbox.log" }
    private var lockPath: String { directory + "/outbox.lock" }

    /// Uses the state directory, creating it (mode 0700) when `create` is set (the daemon)
    /// and not otherwise (`tickler outbox`, perhaps run as root). Throws ``StateFileError``.
    package init(directory: String, create: Bool = true) throws {
        if create { try RecordFile.makeDirectory(directory) }
        self.directory = directory
    }

    /// Every entry that is not dropped, by creation time then id. Reads only: creates and
    /// repairs nothing (an admin's `tickler outbox` must not leave files the daemon's user
    /// cannot write), under a shared lock when the lock file exists.
    ///
    /// Throws ``StateFileError`` when the file exists but cannot be read.
    package func entries() throws -> [OutboxEntry] {
        let lock = try Self.openIfPresent(lockPath)
        defer { if let lock { close(lock) } }
        if let lock { while flock(lock, LOCK_SH) != 0 && errno == EINTR {} }
        guard let content = try StatePath.contents(path) else { return [] }
        let complete = content.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? content.startIndex
        let records = content[..<complete].split(separator: UInt8(ascii: "\n")).map { Data($0) }
        return Self.replay(records).values.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }

    /// The state file at `path` opened for reading, or `nil` when there is none.
    private static func openIfPresent(_ path: String) throws(StateFileError) -> Int32? {
        do {
            return try StatePath.open(path, O_RDONLY)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
    }

    /// The entries the records describe: the last record of an id wins, dropped ones go.
    package static func replay(_ records: [Data]) -> [String: OutboxEntry] {
        let decoder = JSONDecoder()
        var current: [String: OutboxEntry] = [:]
        for record in records {
            guard let entry = try? decoder.decode(OutboxEntry.self, from: record) else { continue }
            current[entry.id] = entry.status == .dropped ? nil : entry
        }
        return current
    }

    /// Runs `body` on the entries by id under the lock and writes what it changed
    /// (one append, one `fsync`); entries it removes from the dictionary are written as dropped.
    ///
    /// Throws ``StateFileError`` when the file cannot be read or written (nothing is then
    /// changed on disk), and what `body` throws.
    @discardableResult
    package func update<T>(_ body: (inout [String: OutboxEntry]) throws -> T) throws -> T {
        try withExclusiveLock { try transact(body) }
    }

    /// Runs `body` under the exclusive `flock` on `outbox.lock` that every change of the
    /// outbox takes, waiting for it as long as it takes: for `tickler outbox`, a command of its
    /// own. The daemon's ``Outbox`` uses ``exclusiveLock(patience:)``, which never blocks.
    ///
    /// Throws ``StateFileError`` when the lock cannot be taken, and what `body` throws.
    package func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        let lock = try StatePath.open(lockPath, O_RDWR | O_CREAT)
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StateFileError(.open, path: lockPath) }
        }
        return try body()
    }

    /// How long the daemon waits for `outbox.lock` in one operation before it gives up on it.
    package static let lockPatience = Duration.seconds(5)

    /// Takes the exclusive `flock` on `outbox.lock` without ever blocking a thread, as the
    /// daemon must (a thread of the Swift concurrency pool must not wait on another process):
    /// it tries with `LOCK_NB` and, while another process holds the lock, sleeps in the task
    /// (which frees the thread) and tries again, for up to `patience`. Returns the locked
    /// descriptor; closing it lets go.
    ///
    /// Throws ``StateFileError`` when the lock file cannot be used or the lock is held longer
    /// than `patience` (a stuck `tickler outbox`, or another user holding the file: the
    /// operation fails and is tried again later), and `CancellationError`.
    package func exclusiveLock(patience: Duration = lockPatience) async throws -> Int32 {
        let lock = try StatePath.open(lockPath, O_RDWR | O_CREAT)
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        var nap = Duration.milliseconds(5)
        while flock(lock, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK, clock.now < deadline else {
                close(lock)
                guard code == EWOULDBLOCK else { throw StateFileError(.open, path: lockPath, code: code) }
                throw StateFileError(
                    .open, path: lockPath, code: code,
                    detail: "another process has held the outbox lock for over \(patience) (a `tickler outbox` "
                        + "command that does not finish, or another user who can open this file); the outbox is "
                        + "tried again later: find the holder with `fuser -v \(lockPath)`")
            }
            do {
                try await Task.sleep(for: min(nap, deadline - clock.now))
            } catch {
                close(lock)
                throw error
            }
            nap = min(nap * 2, .milliseconds(200))
        }
        return lock
    }

    private func transact<T>(_ body: (inout [String: OutboxEntry]) throws -> T) throws -> T {
        let file = try RecordFile(path)
        let current = Self.replay(file.records)
        let lines = file.records.count
        file.dropLoadedRecords()
        let before = current
        var after = current
        let result = try body(&after)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var changed: [Data] = []
        for (id, entry) in after.sorted(by: { $0.key < $1.key }) where before[id] != entry {
            changed.append(try Self.encode(entry, encoder))
        }
        for (id, var entry) in before.sorted(by: { $0.key < $1.key }) where after[id] == nil {
            entry.status = .dropped
            changed.append(try Self.encode(entry, encoder))
        }
        try file.append(changed)
        if lines + changed.count > 2 * after.count + 64 {
            let horizon = Date().addingTimeInterval(-Self.deliveredRetention)
            let kept = after.values.filter { $0.status != .delivered || $0.updated >= horizon }
                .sorted { ($0.created, $0.id) < ($1.created, $1.id) }
            try file.replace(with: kept.map { try Self.encode($0, encoder) })
        }
        return result
    }

    package static func encode(_ entry: OutboxEntry, _ encoder: JSONEncoder) throws(StateFileError) -> Data {
        do {
            return try encoder.encode(entry)
        } catch {
            throw StateFileError(.write, path: entry.id, code: EINVAL)
        }
    }
}
