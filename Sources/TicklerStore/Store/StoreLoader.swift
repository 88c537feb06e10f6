import Foundation
package import TicklerCore

/// What loading a store gave: the snapshot of every good record, and a diagnostic for each
/// record (or file) that could not be used.
package struct StoreLoad: Sendable {
    package var snapshot: Snapshot
    package var diagnostics: [Diagnostic]

    package init(snapshot: Snapshot, diagnostics: [Diagnostic]) {
        self.snapshot = snapshot
        self.diagnostics = diagnostics
    }
}

/// Reads a store directory (SPEC section 4) into a ``Snapshot``.
///
/// Each collection is `NAME.jsonl` or `NAME.json`; a missing one is empty, other files are
/// ignored, and nothing is ever written. When both files of a collection exist, only the
/// `.jsonl` is read (it is the one `tickler record` appends to) and the `.json` gets a
/// diagnostic: reading both would count re-exported records twice, reading neither would make
/// every customer look uncontacted.
package struct StoreLoader: Sendable {
    package var directory: String
    package var zone: Zone
    package var classes: [String]
    /// The contact methods a contact may name (built-in and the office's own).
    package var contactMethods: [String]

    /// A loader for the store at `directory`; date-only timestamps are local midnight in
    /// `zone`; customers must have one of `classes` (an empty list accepts any class).
    package init(directory: String, zone: Zone, classes: [String], contactMethods: [String] = ContactMethod.allCases.map(\.rawValue)) {
        self.directory = directory
        self.zone = zone
        self.classes = classes
        self.contactMethods = contactMethods
    }

    /// Reads every collection. Bad records are skipped and reported; throws ``StoreError``
    /// (naming the path) when the directory, or a collection file in it, cannot be read.
    package func load() throws -> StoreLoad {
        var follower = StoreFollower(directory: directory, zone: zone, classes: classes, contactMethods: contactMethods)
        return try follower.refresh().load
    }

    /// The names in the store directory; throws ``StoreError`` when it cannot be listed.
    package static func listing(_ directory: String) throws -> Set<String> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw StoreError(.missingDirectory, path: directory, message: "the store directory does not exist; check the store path")
        }
        guard isDirectory.boolValue else {
            throw StoreError(.notADirectory, path: directory, message: "the store path is not a directory; point it at the folder that holds customers.jsonl and the other collections")
        }
        do {
            return Set(try FileManager.default.contentsOfDirectory(atPath: directory))
        } catch {
            throw StoreError(.unreadable, path: directory, message: "the store directory cannot be listed (\(error.localizedDescription)); check its permissions")
        }
    }
}
