import Foundation
package import TicklerCore
package import TicklerStore

/// `tickler record`: records from the command's options, or from JSON on standard input
/// (``RecordJSONInput``), read like a sheet's cells (``ImportCells``: `--method 电话`,
/// `--at "2026/11/24 10:30"`), checked like imported rows, and appended under the store's
/// write lock: all of them, or none when one is bad.
package struct StoreRecordJob: Sendable {
    /// One record: its line in the input (1 for options) and its values, each with the name
    /// it was given by (`--customer`, or `customer` in JSON), its store field and its text.
    package struct Entry: Sendable {
        package var line: Int
        package var given: [(label: String, field: String, text: String)]

        package init(line: Int, given: [(label: String, field: String, text: String)]) {
            self.line = line
            self.given = given
        }
    }

    package var collection: StoreCollection
    package var store: String
    package var zone: Zone
    package var classes: [String]
    package var entries: [Entry]
    /// Where problems point: `record` for options, `stdin` for JSON.
    package var source: String
    /// False to check the records only (the input had other problems): nothing is written.
    package var writes = true

    /// One record from options: `given` holds each option's name (without `--`), field and text.
    package init(collection: StoreCollection, store: String, zone: Zone, classes: [String], given: [(option: String, field: String, text: String)]) {
        self.init(
            collection: collection, store: store, zone: zone, classes: classes,
            entries: [Entry(line: 1, given: given.map { ("--\($0.option)", $0.field, $0.text) })], source: "record")
    }

    package init(collection: StoreCollection, store: String, zone: Zone, classes: [String], entries: [Entry], source: String) {
        self.collection = collection
        self.store = store
        self.zone = zone
        self.classes = classes
        self.entries = entries
        self.source = source
    }

    package struct Result: Sendable {
        /// Problems; a problem's header is the option (`--customer`) or the JSON field.
        package var problems: [ImportProblem]
        /// What was done, one line a record.
        package var summary: String
    }

    private var fromOptions: Bool { source == "record" }

    /// Checks and appends the records. Throws ``StoreError`` or ``StoreWriter/Failure`` for I/O.
    package func run() throws -> Result {
        let cells = ImportCells(mapping: ImportMapping(), decimalComma: false)
        var rows: [ImportedRow] = []
        var problems: [ImportProblem] = []
        for entry in entries {
            var row = ImportedRow(row: entry.line, fields: [], columns: [:])
            let location = SourceLocation(file: source, line: entry.line)
            for (index, item) in entry.given.enumerated() {
                row.columns[item.field] = (index + 1, item.label)
                do throws(ImportCells.Problem) {
                    if let value = try cells.value(item.text, field: item.field) { row.fields.append((item.field, value)) }
                } catch {
                    problems.append(ImportProblem(location, header: item.label, error.message))
                }
            }
            rows.append(row)
        }
        _ = try StoreLoader.listing(store)
        var summary: [String] = []
        try StoreWriter(directory: store).locked {
            if collection == .contacts, rows.contains(where: { $0.value("rep") == nil }) {
                let snapshot = try StoreLoader(directory: store, zone: zone, classes: classes).load().snapshot
                let lookup = NameLookup(snapshot.customers.map { ($0.id, $0.name) })
                for index in rows.indices where rows[index].value("rep") == nil {
                    guard case .text(let id)? = rows[index].value("customer"), let customer = snapshot.customer(lookup.id(for: id))
                    else { continue }
                    rows[index].fields.append(("rep", .text(customer.rep)))
                    rows[index].columns["rep"] = (0, fromOptions ? "--rep" : "rep")
                }
            }
            for row in rows {
                for field in collection.requiredFields where row.value(field) == nil {
                    let label = row.columns[field]?.header ?? (fromOptions ? "--" + field.replacingOccurrences(of: "_", with: "-") : field)
                    guard !problems.contains(where: { $0.location.line == row.row && $0.header == label }) else { continue }
                    let fix = fromOptions ? "give \(label)" : "add \"\(field)\" to the object"
                    problems.append(ImportProblem(
                        SourceLocation(file: source, line: row.row), header: label, "is required for \(collection.recordName)s; \(fix)"))
                }
            }
            // The records without a problem so far still get the store's checks, so that one
            // run reports every problem; nothing is written while there is any.
            let clean = rows.filter { row in !problems.contains { $0.location.line == row.row } }
            let plan = try ImportPlan.make(
                rows: clean, badRows: [], sheetName: source, collection: collection, directory: store, zone: zone,
                classes: classes)
            problems += plan.problems
            guard !problems.contains(where: \.isError), writes else { return }
            if plan.writes { try StoreWriter(directory: store).write(plan) }
            for row in rows {
                let outcome = plan.rows.first { $0.row == row.row }?.outcome
                let done = outcome == .alreadyThere ? "already in" : "recorded in"
                summary.append("\(done) \(store)/\(plan.fileName): \(ImportJSON.object(row.fields))")
            }
        }
        return Result(problems: problems, summary: summary.joined(separator: "\n"))
    }
}
