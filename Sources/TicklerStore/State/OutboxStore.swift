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
    /// How long a delivered id is remembered, so a digest built again is not sent again.
    package static let deliveredRetention: TimeInterval = 14 * 86_400

    /// The state directory.
    package let directory: String
    /// The outbox file's path.
    package var path: String { directory + "/outbox.log" }
    private var lockPath: String { directory + "/outbox.lock" }

    /// Uses (creating if needed) the state directory. Throws ``StateFileError``.
    package init(directory: String) throws {
        try RecordFile.makeDirectory(directory)
        self.directory = directory
    }

    /// Every entry that is not dropped, by creation time then id.
    ///
    /// Throws ``StateFileError`` when the file cannot be read.
    package func entries() throws -> [OutboxEntry] {
        try update { entries in entries.values.sorted { ($0.created, $0.id) < ($1.created, $1.id) } }
    }

    /// Runs `body` on the entries by id under the lock and writes what it changed
    /// (one append, one `fsync`); entries it removes from the dictionary are written as dropped.
    ///
    /// Throws ``StateFileError`` when the file cannot be read or written (nothing is then
    /// changed on disk), and what `body` throws.
    @discardableResult
    package func update<T>(_ body: (inout [String: OutboxEntry]) throws -> T) throws -> T {
        let lock = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw StateFileError(.open, path: lockPath) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StateFileError(.open, path: lockPath) }
        }
        let file = try RecordFile(path)
        let decoder = JSONDecoder()
        var current: [String: OutboxEntry] = [:]
        for record in file.records {
            guard let entry = try? decoder.decode(OutboxEntry.self, from: record) else { continue }
            if entry.status == .dropped {
                current[entry.id] = nil
            } else {
                current[entry.id] = entry
            }
        }
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

    private static func encode(_ entry: OutboxEntry, _ encoder: JSONEncoder) throws(StateFileError) -> Data {
        do {
            return try encoder.encode(entry)
        } catch {
            throw StateFileError(.write, path: entry.id, code: EINVAL)
        }
    }
}
