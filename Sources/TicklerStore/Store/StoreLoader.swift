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

    /// A loader for the store at `directory`; date-only timestamps are local midnight in
    /// `zone`; customers must have one of `classes` (an empty list accepts any class).
    package init(directory: String, zone: Zone, classes: [String]) {
        self.directory = directory
        self.zone = zone
        self.classes = classes
    }

    /// Reads every collection. Bad records are skipped and reported; throws ``StoreError``
    /// (naming the path) when the directory, or a collection file in it, cannot be read.
    package func load() throws -> StoreLoad {
        let present = try listing()
        let decoder = StoreRecordDecoder(zone: zone, classes: classes)
        var diagnostics: [Diagnostic] = []
        var reps: [Rep] = []
        var customers: [Customer] = []
        var contacts: [Contact] = []
        var attendance: [AttendanceRecord] = []
        var events: [EventRecord] = []
        var reports: [ReportFiling] = []
        try read(.reps, present, &reps, &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.rep(decoder.fields(m, .reps), origin: o)
        }
        try read(.customers, present, &customers, &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.customer(decoder.fields(m, .customers), origin: o)
        }
        try read(.contacts, present, &contacts, &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.contact(decoder.fields(m, .contacts), origin: o)
        }
        try read(.attendance, present, &attendance, &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.attendance(decoder.fields(m, .attendance), origin: o)
        }
        try read(.events, present, &events, &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.event(decoder.fields(m, .events), origin: o)
        }
        try read(.reports, present, &reports, &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.reportFiling(decoder.fields(m, .reports), origin: o)
        }
        let snapshot = Snapshot(
            reps: reps, customers: customers, contacts: contacts, attendance: attendance, events: events, reports: reports)
        return StoreLoad(snapshot: snapshot, diagnostics: diagnostics)
    }

    /// The names in the store directory; throws ``StoreError`` when it cannot be listed.
    private func listing() throws -> Set<String> {
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

    private func read<T>(
        _ collection: StoreCollection, _ present: Set<String>, _ records: inout [T], _ diagnostics: inout [Diagnostic],
        _ decode: CollectionFileReader.Decode<T>
    ) throws {
        let lines = present.contains(collection.linesFileName)
        let array = present.contains(collection.arrayFileName)
        if lines && array {
            let location = SourceLocation(file: displayPath(collection.arrayFileName), line: 1)
            diagnostics.append(Diagnostic(location, "both \(collection.arrayFileName) and \(collection.linesFileName) exist; only \(collection.linesFileName) was read. Merge the records into one file and remove the other."))
        }
        guard lines || array else { return }
        let name = lines ? collection.linesFileName : collection.arrayFileName
        let reader = CollectionFileReader(
            path: path(name), name: name, displayPath: displayPath(name), collection: collection)
        do {
            if lines {
                try reader.readLines(into: &records, diagnostics: &diagnostics, decode)
            } else {
                try reader.readArray(into: &records, diagnostics: &diagnostics, decode)
            }
        } catch let error as FileBytes.TooLarge {
            throw StoreError(
                .tooLarge, path: path(name),
                message: "this collection is \(error.size >> 20) MiB, more than a .json file may be (\(error.limit >> 20) MiB); export it as \(collection.linesFileName), one record a line, which is read a line at a time")
        } catch {
            throw StoreError(.unreadable, path: path(name), message: "cannot read this collection (\(error)); check that it is a readable file")
        }
    }

    private func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Diagnostics name files as the user named the store, so `check --store store/` prints
    /// `store/contacts.jsonl:12`.
    private func displayPath(_ name: String) -> String { path(name) }
}
