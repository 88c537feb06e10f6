import Foundation
package import TicklerCore

/// The durable ledger of fines and points (`ledger.jsonl` in the state directory).
///
/// Each ``LedgerEntry`` is written once per key, however often the evaluator produces it:
/// re-evaluating the same day after a restart never charges a rep twice. Same durability as
/// ``NotificationLog``: one JSON object a line, `fsync`ed appends, torn-tail recovery.
/// The ledger is an audit record and is never compacted.
package actor LedgerStore {
    /// The ledger file's path.
    package nonisolated let path: String
    private let file: RecordFile
    private var entries: [String: LedgerEntry] = [:]

    /// Opens (creating if needed) `ledger.jsonl` in `directory`.
    ///
    /// Throws ``StateFileError`` when the directory or the file cannot be used.
    package init(directory: String) throws {
        try RecordFile.makeDirectory(directory)
        let path = (directory as NSString).appendingPathComponent("ledger.jsonl")
        let file = try RecordFile(path)
        let decoder = JSONDecoder()
        var entries: [String: LedgerEntry] = [:]
        for record in file.records {
            guard let entry = try? decoder.decode(LedgerEntry.self, from: record) else { continue }
            if entries[entry.key] == nil { entries[entry.key] = entry }
        }
        file.dropLoadedRecords()
        self.path = path
        self.file = file
        self.entries = entries
    }

    /// The entry recorded under `key`, if any.
    package func entry(_ key: String) -> LedgerEntry? { entries[key] }

    /// Every recorded entry, ordered by date then key.
    package var all: [LedgerEntry] {
        entries.values.sorted { ($0.date, $0.key) < ($1.date, $1.key) }
    }

    /// Writes the entries whose key is not yet in the ledger (one write, one `fsync`) and
    /// returns them.
    ///
    /// Throws ``StateFileError`` when the append fails; nothing is then recorded.
    @discardableResult
    package func record(_ new: [LedgerEntry]) throws -> [LedgerEntry] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fresh: [LedgerEntry] = []
        var seen = Set<String>()
        for entry in new where entries[entry.key] == nil && seen.insert(entry.key).inserted {
            fresh.append(entry)
        }
        try file.append(try fresh.map { try encoder.encode($0) })
        for entry in fresh { entries[entry.key] = entry }
        return fresh
    }
}
