import Foundation

/// What the daemon's last good snapshot was read from: per collection with records, the file
/// and how many records it gave, and (while a start is held) since when a listed collection has
/// been missing or empty.
///
/// A daemon that starts has no previous snapshot to keep; this is how it knows that a
/// collection it finds missing (or empty) held records at the last run, so it does not evaluate
/// a store without its contacts (every customer would look uncontacted and be fined).
package struct StoreSeen: Codable, Sendable, Hashable {
    /// One collection as the last good snapshot read it.
    package struct Entry: Codable, Sendable, Hashable {
        /// The file read (`contacts.jsonl`).
        package var file: String
        /// The records it gave.
        package var records: Int

        package init(file: String, records: Int) {
            self.file = file
            self.records = records
        }
    }

    /// The store folder, as the daemon's config names it (another store is another story).
    package var store: String
    /// Collection name (`contacts`) to what was read; collections without records are left out.
    package var collections: [String: Entry]
    /// Collection name to when (nanoseconds since 1970) a start first found it missing or empty.
    package var missingSince: [String: Int64] = [:]

    package init(store: String, collections: [String: Entry], missingSince: [String: Int64] = [:]) {
        self.store = store
        self.collections = collections
        self.missingSince = missingSince
    }

    private enum CodingKeys: String, CodingKey {
        case store, collections
        case missingSince = "missing_since"
    }
}

/// `store-seen.json` in the state folder: ``StoreSeen`` as one line of JSON, opened like every
/// state file (``StatePath``: no symbolic links, FIFOs or hard links) and replaced atomically
/// (temporary file, `fsync`, `rename`, given to the state folder's owner when run as root).
package struct StoreSeenFile: Sendable, Hashable {
    /// The file's path.
    package var path: String

    /// The file `store-seen.json` in the state folder `stateDirectory`.
    package init(stateDirectory: String) {
        path = stateDirectory + "/store-seen.json"
    }

    /// What the file holds; `nil` when it does not exist yet.
    ///
    /// Throws ``StateFileError`` when it cannot be opened or read (a planted link is refused),
    /// or a `DecodingError` when it is not what this type writes.
    package func read() throws -> StoreSeen? {
        guard let data = try StatePath.contents(path) else { return nil }
        return try JSONDecoder().decode(StoreSeen.self, from: data)
    }

    /// Replaces the file's content with `seen`, atomically. Throws ``StateFileError``.
    package func write(_ seen: StoreSeen) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try RecordFile(path).replace(with: [try encoder.encode(seen)])
    }
}
