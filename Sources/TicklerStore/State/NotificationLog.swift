package import Foundation

/// The durable memory of what was delivered: per notice key and channel, when.
///
/// It is what makes delivery idempotent across ticks, reloads, restarts and crashes: a key
/// recorded for a channel is never delivered to that channel again. The file
/// (`notifications.log` in the state directory) is append-only, one JSON object a line,
/// `fsync`ed on every append; a torn last line is cut off on open. ``compact(now:keeping:)``
/// rewrites it atomically without the entries too old to matter, so it does not grow
/// without bound.
package actor NotificationLog {
    /// One delivery: `key` went out on `channel` at `at`.
    package struct Entry: Sendable, Hashable, Codable {
        package var key: String
        package var channel: String
        package var at: Date

        package init(key: String, channel: String, at: Date) {
            self.key = key
            self.channel = channel
            self.at = at
        }

        private enum CodingKeys: String, CodingKey { case key, channel, at }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            channel = try c.decode(String.self, forKey: .channel)
            at = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .at))
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(channel, forKey: .channel)
            try c.encode(at.timeIntervalSince1970.rounded(), forKey: .at)
        }
    }

    /// At least 400 days: a yearly cadence (`dead: 365d`) must still find its last delivery.
    package static let minimumRetention: TimeInterval = 400 * 86_400

    /// The log file's path.
    package nonisolated let path: String
    /// How long an entry is kept after its delivery unless its notice is still active.
    package nonisolated let retention: TimeInterval
    /// Bytes of a torn last record cut off when the log was opened.
    package nonisolated let recoveredTornBytes: Int
    /// Lines that did not parse when the log was opened (skipped, dropped at compaction).
    package nonisolated let skippedRecords: Int

    private let file: RecordFile
    private var delivered: [Slot: Date] = [:]
    private var linesInFile: Int

    private struct Slot: Hashable {
        var key: String
        var channel: String
    }

    /// Opens (creating if needed) `notifications.log` in `directory`.
    ///
    /// `retention` is raised to at least ``minimumRetention``. Throws ``StateFileError`` when
    /// the directory or the file cannot be used.
    package init(directory: String, retention: TimeInterval = NotificationLog.minimumRetention) throws {
        try RecordFile.makeDirectory(directory)
        let path = (directory as NSString).appendingPathComponent("notifications.log")
        let file = try RecordFile(path)
        let decoder = JSONDecoder()
        var delivered: [Slot: Date] = [:]
        var skipped = 0
        for record in file.records {
            guard let entry = try? decoder.decode(Entry.self, from: record) else {
                skipped += 1
                continue
            }
            let slot = Slot(key: entry.key, channel: entry.channel)
            if let earlier = delivered[slot], earlier <= entry.at { continue }
            delivered[slot] = entry.at
        }
        self.linesInFile = file.records.count
        file.dropLoadedRecords()
        self.path = path
        self.retention = max(retention, Self.minimumRetention)
        self.recoveredTornBytes = file.tornBytes
        self.skippedRecords = skipped
        self.file = file
        self.delivered = delivered
    }

    /// When `key` was delivered on `channel`, or `nil` if it never was.
    package func deliveredAt(_ key: String, on channel: String) -> Date? {
        delivered[Slot(key: key, channel: channel)]
    }

    /// The keys among `keys` not yet delivered on `channel`, in their order.
    package func undelivered(_ keys: [String], on channel: String) -> [String] {
        keys.filter { delivered[Slot(key: $0, channel: channel)] == nil }
    }

    /// How many (key, channel) deliveries the log remembers.
    package var count: Int { delivered.count }

    /// True when nothing was ever delivered on `channel` (a first run).
    package func isEmpty(channel: String) -> Bool {
        !delivered.keys.contains { $0.channel == channel }
    }

    /// Records that `keys` were delivered on `channel` at `at`, durably (one write, one
    /// `fsync`). Keys already recorded are skipped.
    ///
    /// Throws ``StateFileError`` when the append fails; the keys then count as undelivered.
    package func record(_ keys: [String], on channel: String, at: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fresh: [Slot] = []
        var lines: [Data] = []
        var seen = Set<Slot>()
        for key in keys {
            let slot = Slot(key: key, channel: channel)
            guard delivered[slot] == nil, seen.insert(slot).inserted else { continue }
            fresh.append(slot)
            lines.append(try encoder.encode(Entry(key: key, channel: channel, at: at)))
        }
        try file.append(lines)
        for slot in fresh { delivered[slot] = at }
        linesInFile += lines.count
    }

    /// True when the file holds enough dead lines that ``compact(now:keeping:)`` is worth it.
    package var needsCompaction: Bool { linesInFile > 2 * delivered.count + 1024 }

    /// Rewrites the log atomically, keeping the entries delivered within ``retention`` of
    /// `now` and those whose key is in `keeping` (notices still active, however old, so a
    /// long-standing overdue notice is not repeated). Returns how many entries were dropped.
    ///
    /// Throws ``StateFileError``; the old log then stays in place and in use.
    @discardableResult
    package func compact(now: Date, keeping active: Set<String> = []) throws -> Int {
        let horizon = now.addingTimeInterval(-retention)
        let kept = delivered.filter { $0.value >= horizon || active.contains($0.key.key) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let ordered = kept.sorted { ($0.value, $0.key.key, $0.key.channel) < ($1.value, $1.key.key, $1.key.channel) }
        let lines = try ordered.map { try encoder.encode(Entry(key: $0.key.key, channel: $0.key.channel, at: $0.value)) }
        try file.replace(with: lines)
        let dropped = delivered.count - kept.count
        delivered = kept
        linesInFile = lines.count
        return dropped
    }

    /// Forgets the deliveries recorded at times after `instant` (a clock that was ahead and
    /// has been set back): their notices count as undelivered again and are evaluated at the
    /// corrected time. Rewrites the log atomically; returns how many entries went.
    ///
    /// Throws ``StateFileError``; the old log then stays in place and in use.
    @discardableResult
    package func forget(recordedAfter instant: Date) throws -> Int {
        let later = delivered.filter { $0.value > instant }
        guard !later.isEmpty else { return 0 }
        let kept = delivered.filter { $0.value <= instant }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let ordered = kept.sorted { ($0.value, $0.key.key, $0.key.channel) < ($1.value, $1.key.key, $1.key.channel) }
        let lines = try ordered.map { try encoder.encode(Entry(key: $0.key.key, channel: $0.key.channel, at: $0.value)) }
        try file.replace(with: lines)
        delivered = kept
        linesInFile = lines.count
        return later.count
    }
}
