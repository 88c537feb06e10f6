package import TicklerCore

/// A store written inside a rule test file (`store: { customers: [...], contacts: [...] }`),
/// decoded with the same record rules as a store folder, problems at their YAML position.
package struct InlineStore: Sendable {
    package var decoder: StoreRecordDecoder

    package init(zone: Zone, classes: [String], contactMethods: [String] = ContactMethod.allCases.map(\.rawValue)) {
        self.decoder = StoreRecordDecoder(zone: zone, classes: classes, contactMethods: contactMethods)
    }

    /// The snapshot of the inline collections; each bad record is a diagnostic.
    package func load(_ collections: [(name: String, records: YAMLNode)]) -> StoreLoad {
        var reps: [Rep] = []
        var customers: [Customer] = []
        var contacts: [Contact] = []
        var attendance: [AttendanceRecord] = []
        var events: [EventRecord] = []
        var reports: [ReportFiling] = []
        var diagnostics: [Diagnostic] = []
        // The column of each record, so that the checks across records name it like the rest.
        var columns: [RecordOrigin: Int] = [:]
        var rejectedCustomers: [RecordOrigin: String] = [:]
        var rejectedReps: [RecordOrigin: String] = [:]
        for (name, node) in collections {
            guard let collection = StoreCollection(rawValue: name), case .sequence(let items) = node.content else {
                continue
            }
            for item in items {
                guard case .mapping(let pairs) = item.content else {
                    diagnostics.append(Diagnostic(item.location, "\(collection.recordName) must be a mapping such as '{ id: C1, ... }'"))
                    continue
                }
                let members = pairs.map { JSONMember(key: Self.text($0.key), value: Self.value($0.value)) }
                let origin = RecordOrigin(file: item.location.file, line: item.location.line)
                if columns[origin] == nil { columns[origin] = item.location.column }
                let fields = decoder.fields(members, collection)
                do throws(RecordProblem) {
                    switch collection {
                    case .reps: reps.append(try decoder.rep(fields, origin: origin))
                    case .customers: customers.append(try decoder.customer(fields, origin: origin))
                    case .contacts: contacts.append(try decoder.contact(fields, origin: origin))
                    case .attendance: attendance.append(try decoder.attendance(fields, origin: origin))
                    case .events: events.append(try decoder.event(fields, origin: origin))
                    case .reports: reports.append(try decoder.reportFiling(fields, origin: origin))
                    }
                } catch {
                    diagnostics.append(Diagnostic(item.location, "\(collection.recordName) skipped: \(error.message)"))
                    if case .string(let id)? = members.last(where: { $0.key == "id" })?.value {
                        if collection == .customers { rejectedCustomers[origin] = id }
                        if collection == .reps { rejectedReps[origin] = id }
                    }
                }
            }
        }
        let (snapshot, integrity) = StoreIntegrity.snapshot(
            reps: reps, customers: customers, contacts: contacts, attendance: attendance, events: events, reports: reports,
            rejectedReps: rejectedReps, rejectedCustomers: rejectedCustomers
        ) { SourceLocation(file: $0.file, line: $0.line, column: columns[$0]) }
        return StoreLoad(snapshot: snapshot, diagnostics: diagnostics + integrity)
    }

    private static func text(_ node: YAMLNode) -> String {
        if case .scalar(let text, _) = node.content { return text }
        return ""
    }

    /// A YAML value as the JSON value a store file would hold: plain `true`/`false`, numbers
    /// and null keep their type; quoted scalars are strings.
    private static func value(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .mapping(let pairs): return .object(pairs.map { JSONMember(key: text($0.key), value: value($0.value)) })
        case .sequence: return .array
        case .scalar(let text, let style):
            guard style == .plain else { return .string(text) }
            if node.isNull { return .null }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if Double(text) != nil, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
                return .number(text)
            }
            return .string(text)
        }
    }
}
