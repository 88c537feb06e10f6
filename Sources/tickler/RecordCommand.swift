import ArgumentParser
import Foundation
import TicklerCore
import TicklerImport
import TicklerStore

/// `tickler record`: one contact, attendance day, event or filed form, appended safely.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Append one contact, attendance day, event or filed form to the store.",
        usage: """
            tickler record contact --store DIR [--rules RULES] --customer ID
                     [--rep ID] --method M [--at TIME] [--note T] [--outcome O]
                     [--progress P]
            tickler record attendance --store DIR [--rules RULES] --rep ID
                     [--date DAY] (--check-in HH:MM | --absent) [--excused]
            tickler record event --store DIR [--rules RULES] --rep ID --event NAME
                     [--at TIME] [--customer ID] [--note T]
            tickler record filed --store DIR [--rules RULES] --rep ID
                     --kind plan|daily [--date DAY] [--filed-at TIME]
                     [--approved-at TIME] [--approved-by ID]
            tickler record KIND --json --store DIR [--rules RULES] < RECORDS
            """,
        discussion: """
            For scripts, cron jobs and a CRM's outgoing hook. The record is checked as
            the store checks its own (the customer and rep must exist), then appended as
            one line under a lock, with fsync; safe while serve reads the store.
            Recording the same record twice adds it once.

            KIND and its fields:
              contact     --customer (--rep: the customer's rep) --method --at --note
                          --outcome --progress
              attendance  --rep --date --check-in | --absent, --excused
              event       --rep --event --at --customer --note
              filed       --rep --kind plan|daily --date --filed-at --approved-at
                          --approved-by
            --at and --filed-at default to now, --date to today (the rules' timezone).

            --json reads the records from standard input instead (a CRM's outgoing
            hook): one JSON object, or one object a line, with the store's field
            names ({"customer": "C005", "method": "phone"}). All are appended, or
            none when one is bad (reported as stdin:LINE (field): message).

            Exit status: 0 recorded (or already there), 1 invalid, 2 usage or I/O.

            Examples:
              tickler record contact --store store --customer C005 --method phone
              echo '{"customer":"C005","method":"phone"}' |
                  tickler record contact --json --store store
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case contact, attendance, event, filed

        var collection: StoreCollection {
            switch self {
            case .contact: .contacts
            case .attendance: .attendance
            case .event: .events
            case .filed: .reports
            }
        }
    }

    @Argument(help: ArgumentHelp("The kind of record.", valueName: "KIND"))
    var kind: Kind

    @Option(name: .long, help: ArgumentHelp("The data store folder.", valueName: "DIR"), completion: .directory)
    var store: String

    @Option(
        name: .long, help: ArgumentHelp("The rules file: timezone and classes.", valueName: "RULES"),
        completion: .file(extensions: ["yaml", "yml"]))
    var rules: String?

    @Option(name: .long, help: "The customer's id.") var customer: String?
    @Option(name: .long, help: "The rep's id.") var rep: String?
    @Option(name: .long, help: "phone, wechat, visit, email or other.") var method: String?
    @Option(name: .long, help: ArgumentHelp("When (2026-11-24T10:30; default: now).", valueName: "TIME"))
    var at: String?
    @Option(name: .long, help: "A note.") var note: String?
    @Option(name: .long, help: "The contact's outcome.") var outcome: String?
    @Option(name: .long, help: "The sale's progress, 0-100.") var progress: String?
    @Option(name: .long, help: ArgumentHelp("The day (default: today).", valueName: "DATE"))
    var date: String?
    @Option(name: .customLong("check-in"), help: ArgumentHelp("Check-in time.", valueName: "HH:MM"))
    var checkIn: String?
    @Flag(name: .long, help: "The rep was absent.") var absent = false
    @Flag(name: .long, help: "The absence or lateness is excused.") var excused = false
    @Option(name: .long, help: "The event (late_greeting, ...).") var event: String?
    @Option(name: .customLong("kind"), help: "plan or daily (filed).") var form: String?
    @Option(name: .customLong("filed-at"), help: ArgumentHelp("When filed (default: now).", valueName: "TIME"))
    var filedAt: String?
    @Option(name: .customLong("approved-at"), help: ArgumentHelp("When approved.", valueName: "TIME"))
    var approvedAt: String?
    @Option(name: .customLong("approved-by"), help: ArgumentHelp("The approver's rep id.", valueName: "ID"))
    var approvedBy: String?
    @Flag(name: .long, help: "Read JSON records from standard input (one a line).")
    var json = false

    func run() throws {
        let (zone, classes) = try ImportSetup.zoneAndClasses(rules)
        let now = Date()
        var given: [(option: String, field: String, text: String)] = []
        func add(_ option: String, _ field: String, _ value: String?, kinds: [Kind]) throws {
            guard let value else { return }
            guard kinds.contains(kind) else {
                throw ValidationError("--\(option) does not apply to 'record \(kind.rawValue)'; see tickler record --help")
            }
            given.append((option, field, value))
        }
        try add("customer", "customer", customer, kinds: [.contact, .event])
        try add("rep", "rep", rep, kinds: Kind.allCases)
        try add("method", "method", method, kinds: [.contact])
        try add("at", "at", at ?? (kind == .contact || kind == .event ? RecordSetup.instant(now, zone) : nil), kinds: [.contact, .event])
        try add("note", "note", note, kinds: [.contact, .event])
        try add("outcome", "outcome", outcome, kinds: [.contact])
        try add("progress", "progress", progress, kinds: [.contact])
        try add("date", "date", date ?? (kind == .attendance || kind == .filed ? zone.localDate(now).description : nil), kinds: [.attendance, .filed])
        try add("check-in", "check_in", checkIn, kinds: [.attendance])
        try add("absent", "absent", absent ? "true" : nil, kinds: [.attendance])
        try add("excused", "excused", excused ? "true" : nil, kinds: [.attendance])
        try add("event", "event", event, kinds: [.event])
        try add("kind", "kind", form, kinds: [.filed])
        try add("filed-at", "filed_at", filedAt ?? (kind == .filed ? RecordSetup.instant(now, zone) : nil), kinds: [.filed])
        try add("approved-at", "approved_at", approvedAt, kinds: [.filed])
        try add("approved-by", "approved_by", approvedBy, kinds: [.filed])
        if json {
            let defaulted = ["at", "date", "filed-at"]
            let explicit = given.contains { !defaulted.contains($0.option) } || at != nil || date != nil || filedAt != nil
            try recordJSON(zone: zone, classes: classes, now: now, optionsGiven: explicit)
            return
        }
        let record = StoreRecordJob(collection: kind.collection, store: store, zone: zone, classes: classes, given: given)
        let result: StoreRecordJob.Result
        do {
            result = try record.run()
        } catch {
            Inputs.warn("\(error)")
            throw ExitCode(2)
        }
        for problem in result.problems {
            Inputs.warn("tickler record \(kind.rawValue): \(problem.header.map { "\($0): " } ?? "")\(problem.message)")
        }
        if result.problems.contains(where: \.isError) { throw ExitCode(1) }
        print(result.summary)
    }
}

extension RecordCommand {
    /// `--json`: the records on standard input, with the same defaults as the options.
    func recordJSON(zone: Zone, classes: [String], now: Date, optionsGiven: Bool) throws {
        if optionsGiven {
            throw ValidationError("--json reads the record's fields from standard input; give them there, not as options")
        }
        let input = RecordJSONInput.entries([UInt8](FileHandle.standardInput.readDataToEndOfFile()), collection: kind.collection)
        let defaults: [(field: String, text: String, kinds: [Kind])] = [
            ("at", RecordSetup.instant(now, zone), [.contact, .event]),
            ("date", zone.localDate(now).description, [.attendance, .filed]),
            ("filed_at", RecordSetup.instant(now, zone), [.filed]),
        ]
        let entries = input.entries.map { entry in
            var given = entry.fields.map { (label: $0.field, field: $0.field, text: $0.text) }
            for d in defaults where d.kinds.contains(kind) && !given.contains(where: { $0.field == d.field }) {
                given.append((d.field, d.field, d.text))
            }
            return StoreRecordJob.Entry(line: entry.line, given: given)
        }
        var job = StoreRecordJob(
            collection: kind.collection, store: store, zone: zone, classes: classes, entries: entries, source: RecordJSONInput.source)
        // With a broken line, the others are still checked, and nothing is written.
        job.writes = input.problems.isEmpty
        var result: StoreRecordJob.Result
        do {
            result = try job.run()
        } catch {
            Inputs.warn("\(error)")
            throw ExitCode(2)
        }
        result.problems += input.problems
        for problem in result.problems.sorted() {
            // stdin:LINE (field): the line is the record; a column would be the field's place in it.
            let head = "\(problem.location.file):\(problem.location.line)" + (problem.header.map { " (\($0))" } ?? "")
            Inputs.warn("\(head): \(problem.severity == .warning ? "warning: " : "")\(problem.message)")
        }
        if result.problems.contains(where: \.isError) {
            Inputs.warn("tickler record \(kind.rawValue) --json: nothing was recorded")
            throw ExitCode(1)
        }
        print(result.summary)
    }
}

/// Helpers of `tickler record`.
enum RecordSetup {
    /// `now` as RFC 3339 with the zone's offset (`2026-11-24T10:30:00+08:00`).
    static func instant(_ now: Date, _ zone: Zone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone.timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: now)
    }
}
