import Foundation
package import TicklerCore
package import TicklerStore

/// `tickler record`: one record from the command's options, read like a sheet's cells
/// (``ImportCells``: `--method 电话`, `--at "2026/11/24 10:30"`), checked like an imported row,
/// and appended under the store's write lock.
package struct StoreRecordJob: Sendable {
    package var collection: StoreCollection
    package var store: String
    package var zone: Zone
    package var classes: [String]
    /// The options given: the option's name, the store field, and the text.
    package var given: [(option: String, field: String, text: String)]

    package init(collection: StoreCollection, store: String, zone: Zone, classes: [String], given: [(option: String, field: String, text: String)]) {
        self.collection = collection
        self.store = store
        self.zone = zone
        self.classes = classes
        self.given = given
    }

    package struct Result: Sendable {
        /// Problems; a problem's header is the option (`--customer`).
        package var problems: [ImportProblem]
        /// What was done, one line.
        package var summary: String
    }

    /// Checks and appends the record. Throws ``StoreError`` or ``StoreWriter/Failure`` for I/O.
    package func run() throws -> Result {
        let cells = ImportCells(mapping: ImportMapping(), decimalComma: false)
        var fields: [(name: String, value: ImportedValue)] = []
        var columns: [String: (index: Int, header: String)] = [:]
        var problems: [ImportProblem] = []
        let location = SourceLocation(file: "record", line: 1)
        for (index, item) in given.enumerated() {
            columns[item.field] = (index + 1, "--\(item.option)")
            do throws(ImportCells.Problem) {
                if let value = try cells.value(item.text, field: item.field) { fields.append((item.field, value)) }
            } catch {
                problems.append(ImportProblem(location, header: "--\(item.option)", error.message))
            }
        }
        _ = try StoreLoader.listing(store)
        var summary = ""
        try StoreWriter(directory: store).locked {
            if collection == .contacts, !fields.contains(where: { $0.name == "rep" }),
                case .text(let id)? = fields.first(where: { $0.name == "customer" })?.value
            {
                let snapshot = try StoreLoader(directory: store, zone: zone, classes: classes).load().snapshot
                let named = NameLookup(snapshot.customers.map { ($0.id, $0.name) }).id(for: id)
                if let customer = snapshot.customer(named) {
                    fields.append(("rep", .text(customer.rep)))
                    columns["rep"] = (0, "--rep")
                }
            }
            for field in collection.requiredFields where !fields.contains(where: { $0.name == field }) && !problems.contains(where: { $0.header == columns[field]?.header }) {
                let option = "--" + field.replacingOccurrences(of: "_", with: "-")
                problems.append(ImportProblem(location, header: option, "is required for \(collection.recordName)s; give \(option)"))
            }
            guard problems.isEmpty else { return }
            let row = ImportedRow(row: 1, fields: fields, columns: columns)
            let plan = try ImportPlan.make(
                rows: [row], badRows: [], sheetName: "record", collection: collection, directory: store, zone: zone,
                classes: classes)
            problems = plan.problems
            guard !plan.hasErrors else { return }
            if plan.alreadyThere > 0 {
                summary = "already in \(store)/\(plan.fileName): \(ImportJSON.object(fields))"
                return
            }
            try StoreWriter(directory: store).write(plan)
            summary = "recorded in \(store)/\(plan.fileName): \(ImportJSON.object(fields))"
        }
        return Result(problems: problems, summary: summary)
    }
}
