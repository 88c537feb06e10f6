import Foundation
package import TicklerCore

/// Follows a store directory across daemon ticks, reading only what changed.
///
/// The first ``refresh()`` reads every collection like ``StoreLoader``. Later ones look at
/// each file's ``FileMark``: an untouched file is not read at all, an append-only `.jsonl`
/// that grew is read from the offset where the last read stopped (its torn last line, if
/// any, is read again), and anything else (a rewrite, a truncation, a file replaced by
/// rename, a `.json` array) is read whole. When nothing changed, the previous snapshot is
/// returned as it was. With a quiet period, a file rewritten in place, or read before and
/// missing now, keeps the previous snapshot until it has been quiet (or gone) that long; with a
/// ``seenFile`` the same holds across a restart (``StoreStartCheck``).
package struct StoreFollower: Sendable {
    package var directory: String
    package var zone: Zone
    package var classes: [String]
    /// The contact methods a contact may name (built-in and the office's own).
    package var contactMethods: [String] = ContactMethod.allCases.map(\.rawValue)

    private var reps = FollowedCollection<Rep>()
    private var customers = FollowedCollection<Customer>()
    private var contacts = FollowedCollection<Contact>()
    private var attendance = FollowedCollection<AttendanceRecord>()
    private var events = FollowedCollection<EventRecord>()
    private var reports = FollowedCollection<ReportFiling>()
    private var last: StoreLoad?
    /// The diagnostics about the folder itself at the start of `last` (files both ways, stray files).
    private var lastListing: [Diagnostic] = []
    /// How long a file rewritten in place (not appended to) must stay untouched before a
    /// follower that already has a snapshot reads it. A CRM export that truncates a file and
    /// writes it again is half-written for a while; reading it then would make customers
    /// whose contacts are not written yet look uncontacted and flood their reps. Until the
    /// file is quiet, ``refresh()`` keeps the previous snapshot (all collections, so they stay
    /// consistent) and adds one warning per such file. Zero (the default) reads at once.
    package var quietPeriod: Duration
    /// How long a collection read before may stay missing (or, at a start, missing or empty)
    /// before it counts as removed; until then the previous snapshot is kept (or the start is
    /// held). `nil`: the quiet period. The daemon sets it much longer than the quiet period: a
    /// CRM export that deletes a file and takes minutes to write the next one must not make
    /// every customer look uncontacted for a tick and charge the office's reps.
    package var missingGrace: Duration?

    /// The end of the warning that a file is being rewritten, for callers that report it
    /// apart from the store's other problems.
    package static let keptSnapshot = "the previous snapshot is kept until the file is quiet"

    /// The wall clock in nanoseconds since 1970 (file times are compared with it); tests set it.
    package var nowNanoseconds: @Sendable () -> Int64 = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
    /// Files read before and missing now (``VanishedFiles``).
    private var vanished = VanishedFiles()
    /// Where the daemon records what its good snapshots were read from (``StoreSeenFile``), so
    /// that a start finding a collection missing or empty that held records at the last run
    /// waits for it (``StoreStartCheck``). `nil` (`check`, `eval`): nothing is recorded or held.
    package var seenFile: StoreSeenFile?
    /// What was last written to (or read from) ``seenFile``.
    var seenWritten: StoreSeen?

    /// A follower of the store at `directory`; `zone` and `classes` as for ``StoreLoader``.
    package init(
        directory: String, zone: Zone, classes: [String], contactMethods: [String] = ContactMethod.allCases.map(\.rawValue),
        quietPeriod: Duration = .zero
    ) {
        self.directory = directory
        self.zone = zone
        self.classes = classes
        self.contactMethods = contactMethods
        self.quietPeriod = quietPeriod
    }

    /// Brings the snapshot up to date; `changed` is `false` when no file changed since the
    /// last call. Throws ``StoreError`` (naming the path) when the directory, or a collection
    /// file in it, cannot be read, or (with ``seenFile``, before the first snapshot) when a
    /// collection that held records at the last run is missing or empty
    /// (``StoreError/Code/goneSinceLastRun``); the follower then keeps its previous state.
    package mutating func refresh() throws -> (load: StoreLoad, changed: Bool) {
        let present = try StoreLoader.listing(directory)
        if let last, quietPeriod > .zero {
            let seconds = quietPeriod.components.seconds
            let (missingNow, now) = (missing(present), nowNanoseconds())
            let gone = vanished.recent(missingNow, now: now, quiet: graceNanoseconds)
            var notes = gone.map {
                Diagnostic(
                    SourceLocation(file: path($0), line: 1),
                    "gone since the last read (being replaced?); it counts as removed once it has been missing "
                        + "for \(Self.seconds(graceNanoseconds)); \(Self.keptSnapshot)",
                    severity: .warning)
            }
            notes += settling(present).map {
                Diagnostic(
                    SourceLocation(file: path($0), line: 1),
                    "rewritten less than \(seconds) s ago (a write in progress?); \(Self.keptSnapshot)",
                    severity: .warning)
            }
            if !notes.isEmpty {
                return (StoreLoad(snapshot: last.snapshot, diagnostics: last.diagnostics + notes), false)
            }
        }
        var listingDiagnostics: [Diagnostic] = []
        let decoder = StoreRecordDecoder(zone: zone, classes: classes, contactMethods: contactMethods)
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
        listingDiagnostics += StoreListing(directory: directory).diagnostics(present)
        if !changed, let last = next.last {
            // Only stray files may have come or gone: the records and their checks stand.
            if listingDiagnostics != next.lastListing {
                let kept = Array(last.diagnostics.dropFirst(next.lastListing.count))
                next.last = StoreLoad(snapshot: last.snapshot, diagnostics: listingDiagnostics + kept)
                next.lastListing = listingDiagnostics
                self = next
            }
            return (next.last!, false)
        }
        // The checks across collections run on every record each time, so an append read
        // incrementally gives the same snapshot and diagnostics as a full load.
        let (snapshot, integrity) = StoreIntegrity.snapshot(
            reps: next.reps.records, customers: next.customers.records, contacts: next.contacts.records,
            attendance: next.attendance.records, events: next.events.records, reports: next.reports.records,
            rejectedReps: next.reps.rejectedIDs, rejectedCustomers: next.customers.rejectedIDs
        ) { origin in SourceLocation(file: self.path(origin.file), line: origin.line) }
        var diagnostics = listingDiagnostics + next.reps.diagnostics + next.customers.diagnostics
            + next.contacts.diagnostics + next.attendance.diagnostics + next.events.diagnostics
            + next.reports.diagnostics + integrity
        if let seenFile {
            diagnostics += try next.recordSeen(in: seenFile, starting: last == nil)
        }
        next.last = StoreLoad(snapshot: snapshot, diagnostics: diagnostics)
        next.lastListing = listingDiagnostics
        self = next
        return (next.last!, true)
    }

    private func follow<T>(
        _ collection: StoreCollection, _ state: inout FollowedCollection<T>, _ present: Set<String>,
        _ diagnostics: inout [Diagnostic], _ decode: @escaping CollectionFileReader.SendableDecode<T>
    ) throws -> Bool {
        if present.contains(collection.linesFileName) && present.contains(collection.arrayFileName) {
            let location = SourceLocation(file: path(collection.arrayFileName), line: 1)
            diagnostics.append(Diagnostic(location, "both \(collection.arrayFileName) and \(collection.linesFileName) exist; only \(collection.linesFileName) was read. Merge the records into one file and remove the other."))
        }
        let name = collection.fileName(in: present)
        let followLinks = CollectionFile.followsLinks(in: directory)
        let reader = name.map {
            CollectionFileReader(
                path: path($0), name: $0, displayPath: path($0), collection: collection, followLinks: followLinks)
        }
        do {
            return try state.refresh(fileName: name, reader: reader, decode: decode)
        } catch let error as CollectionFile.NotRegular {
            throw StoreError(
                .notRegularFile, path: path(name ?? collection.linesFileName),
                message: "this collection is \(error.kind), not a regular file, so it was not read; "
                    + "make it a plain file of records (see SPEC section 4)")
        } catch let error as FileBytes.TooLarge {
            throw StoreError(
                .tooLarge, path: path(name ?? collection.arrayFileName),
                message: "this collection is \(error.size >> 20) MiB, more than a .json file may be (\(error.limit >> 20) MiB); export it as \(collection.linesFileName), one record a line, which is read a line at a time")
        } catch {
            let file = path(name ?? collection.linesFileName)
            throw StoreError(.unreadable, path: file, message: "cannot read this collection (\(error)); check that it is a readable file")
        }
    }

    /// The records read now per collection, with the file each came from.
    var recordCounts: [String: (file: String?, records: Int)] {
        [
            StoreCollection.reps.rawValue: (reps.fileName, reps.records.count),
            StoreCollection.customers.rawValue: (customers.fileName, customers.records.count),
            StoreCollection.contacts.rawValue: (contacts.fileName, contacts.records.count),
            StoreCollection.attendance.rawValue: (attendance.fileName, attendance.records.count),
            StoreCollection.events.rawValue: (events.fileName, events.records.count),
            StoreCollection.reports.rawValue: (reports.fileName, reports.records.count),
        ]
    }

    var quietNanoseconds: Int64 { Self.nanoseconds(quietPeriod) }

    /// ``missingGrace`` (or the quiet period) in nanoseconds.
    var graceNanoseconds: Int64 { missingGrace.map(Self.nanoseconds) ?? quietNanoseconds }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    /// "2 s", "60 min": a grace or quiet period in a message.
    static func seconds(_ nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        return seconds >= 120 && seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) s"
    }

    /// The files read last time whose collection has no file now.
    private func missing(_ present: Set<String>) -> [String] {
        func gone<T>(_ collection: StoreCollection, _ state: FollowedCollection<T>) -> String? {
            guard let name = state.fileName, collection.fileName(in: present) == nil else { return nil }
            return name
        }
        return [
            gone(.reps, reps), gone(.customers, customers), gone(.contacts, contacts),
            gone(.attendance, attendance), gone(.events, events), gone(.reports, reports),
        ].compactMap { $0 }
    }

    /// The collection files rewritten (not appended to) within the quiet period.
    private func settling(_ present: Set<String>) -> [String] {
        let nowNanoseconds = nowNanoseconds()
        let quiet = quietNanoseconds
        func young<T>(_ collection: StoreCollection, _ state: FollowedCollection<T>) -> String? {
            guard let name = collection.fileName(in: present), let mark = state.rewrittenMark(fileName: name, path: path(name)) else { return nil }
            return abs(nowNanoseconds - mark.modifiedNanoseconds) < quiet ? name : nil
        }
        return [
            young(.reps, reps), young(.customers, customers), young(.contacts, contacts),
            young(.attendance, attendance), young(.events, events), young(.reports, reports),
        ].compactMap { $0 }
    }

    /// Diagnostics name files as the user named the store, so `check --store store/` prints
    /// `store/contacts.jsonl:12`.
    private func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
