import Foundation
package import TicklerCore

/// Follows a store directory across daemon ticks, reading only what changed.
///
/// The first ``refresh()`` reads every collection like ``StoreLoader``. Later ones look at
/// each file's ``FileMark``: an untouched file is not read at all, an append-only `.jsonl`
/// that grew is read from the offset where the last read stopped (its torn last line, if
/// any, is read again), and anything else (a rewrite, a truncation, a file replaced by
/// rename, a `.json` array) is read whole. When nothing changed, the previous snapshot is
/// returned as it was.
package struct StoreFollower: Sendable {
    package var directory: String
    package var zone: Zone
    package var classes: [String]

    private var reps = FollowedCollection<Rep>()
    private var customers = FollowedCollection<Customer>()
    private var contacts = FollowedCollection<Contact>()
    private var attendance = FollowedCollection<AttendanceRecord>()
    private var events = FollowedCollection<EventRecord>()
    private var reports = FollowedCollection<ReportFiling>()
    private var last: StoreLoad?

    /// A follower of the store at `directory`; `zone` and `classes` as for ``StoreLoader``.
    package init(directory: String, zone: Zone, classes: [String]) {
        self.directory = directory
        self.zone = zone
        self.classes = classes
    }

    /// Brings the snapshot up to date; `changed` is `false` when no file changed since the
    /// last call. Throws ``StoreError`` (naming the path) when the directory, or a collection
    /// file in it, cannot be read; the follower then keeps its previous state.
    package mutating func refresh() throws -> (load: StoreLoad, changed: Bool) {
        let present = try StoreLoader.listing(directory)
        var listingDiagnostics: [Diagnostic] = []
        let decoder = StoreRecordDecoder(zone: zone, classes: classes)
        var next = self
        var changed = false
        changed = try next.follow(.reps, &next.reps, present, &listingDiagnostics) { (m, o) throws(RecordProblem) in
            try decoder.rep(decoder.fields(m, .reps), origin: o)
        } || changed
        changed = try next.follow(.customers, &next.customers, present, &listingDiagnostics) { (m, o) throws(RecordProblem) in
            try decoder.customer(decoder.fields(m, .customers), origin: o)
        } || changed
        changed = try next.follow(.contacts, &next.contacts, present, &listingDiagnostics) { (m, o) throws(RecordProblem) in
            try decoder.contact(decoder.fields(m, .contacts), origin: o)
        } || changed
        changed = try next.follow(.attendance, &next.attendance, present, &listingDiagnostics) { (m, o) throws(RecordProblem) in
            try decoder.attendance(decoder.fields(m, .attendance), origin: o)
        } || changed
        changed = try next.follow(.events, &next.events, present, &listingDiagnostics) { (m, o) throws(RecordProblem) in
            try decoder.event(decoder.fields(m, .events), origin: o)
        } || changed
        changed = try next.follow(.reports, &next.reports, present, &listingDiagnostics) { (m, o) throws(RecordProblem) in
            try decoder.reportFiling(decoder.fields(m, .reports), origin: o)
        } || changed
        if !changed, let last = next.last {
            return (last, false)
        }
        let snapshot = Snapshot(
            reps: next.reps.records, customers: next.customers.records, contacts: next.contacts.records,
            attendance: next.attendance.records, events: next.events.records, reports: next.reports.records)
        let diagnostics = listingDiagnostics + next.reps.diagnostics + next.customers.diagnostics
            + next.contacts.diagnostics + next.attendance.diagnostics + next.events.diagnostics
            + next.reports.diagnostics
        next.last = StoreLoad(snapshot: snapshot, diagnostics: diagnostics)
        self = next
        return (next.last!, true)
    }

    private func follow<T>(
        _ collection: StoreCollection, _ state: inout FollowedCollection<T>, _ present: Set<String>,
        _ diagnostics: inout [Diagnostic], _ decode: CollectionFileReader.Decode<T>
    ) throws -> Bool {
        let lines = present.contains(collection.linesFileName)
        let array = present.contains(collection.arrayFileName)
        if lines && array {
            let location = SourceLocation(file: path(collection.arrayFileName), line: 1)
            diagnostics.append(Diagnostic(location, "both \(collection.arrayFileName) and \(collection.linesFileName) exist; only \(collection.linesFileName) was read. Merge the records into one file and remove the other."))
        }
        let name = lines ? collection.linesFileName : array ? collection.arrayFileName : nil
        let reader = name.map {
            CollectionFileReader(path: path($0), name: $0, displayPath: path($0), collection: collection)
        }
        do {
            return try state.refresh(fileName: name, reader: reader, decode: decode)
        } catch let error as FileBytes.TooLarge {
            throw StoreError(
                .tooLarge, path: path(name ?? collection.arrayFileName),
                message: "this collection is \(error.size >> 20) MiB, more than a .json file may be (\(error.limit >> 20) MiB); export it as \(collection.linesFileName), one record a line, which is read a line at a time")
        } catch {
            let file = path(name ?? collection.linesFileName)
            throw StoreError(.unreadable, path: file, message: "cannot read this collection (\(error)); check that it is a readable file")
        }
    }

    /// Diagnostics name files as the user named the store, so `check --store store/` prints
    /// `store/contacts.jsonl:12`.
    private func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
