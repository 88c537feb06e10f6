import Foundation
package import TicklerCore
package import TicklerStore

/// `tickler import`: a sheet's rows into a store collection, checked as the store checks its
/// own records, and written only when every row is good (or bad rows are to be skipped).
package struct StoreImport: Sendable {
    package var collection: StoreCollection
    /// The sheet file, as the user named it (messages use this name).
    package var sheetPath: String
    package var store: String
    package var mapping: ImportMapping
    /// Overrides of the mapping's settings from the command line.
    package var encoding: String?
    package var separator: Character?
    package var dateOrder: DateOrder?
    package var decimalComma: Bool?
    package var sheet: String?
    /// The rules' zone and classes (any class when empty).
    package var zone: Zone
    package var classes: [String]
    package var dryRun = false
    package var skipBad = false

    package init(collection: StoreCollection, sheetPath: String, store: String, mapping: ImportMapping = ImportMapping(), zone: Zone, classes: [String]) {
        self.collection = collection
        self.sheetPath = sheetPath
        self.store = store
        self.mapping = mapping
        self.zone = zone
        self.classes = classes
    }

    /// What an import did.
    package struct Report: Sendable {
        package var sheet: SheetFile
        package var headerRow: Int?
        package var plan: ImportPlan?
        /// Problems of the sheet and of the store after the import, in sheet order.
        package var problems: [ImportProblem]
        /// Whether the store was written.
        package var wrote: Bool
        package var hasErrors: Bool { problems.contains(where: \.isError) }
    }

    /// Reads, checks and (unless a dry run, or a row is bad without `skipBad`) writes.
    /// Throws ``SheetError`` when the sheet cannot be read, ``StoreError`` or
    /// ``StoreWriter/Failure`` for the store.
    package func run() throws -> Report {
        var mapping = self.mapping
        if let dateOrder { mapping.dateOrder = dateOrder }
        let file = try SheetFile.read(
            path: sheetPath, encoding: encoding ?? mapping.encoding, separator: separator ?? mapping.separator,
            sheet: sheet ?? mapping.sheet)
        let table = ImportTable(
            file: sheetPath, collection: collection.rawValue,
            fields: collection.requiredFields + collection.optionalFields, required: collection.requiredFields,
            mapping: mapping, decimalComma: decimalComma ?? mapping.decimalComma, defaultDecimalComma: file.separator == ";")
        let read = table.read(file.rows)
        var report = Report(sheet: file, headerRow: read.headerRow, plan: nil, problems: read.problems, wrote: false)
        if read.headerRow == nil || read.problems.contains(where: { $0.isError && $0.location.line == read.headerRow }) {
            return report
        }
        func plan() throws -> ImportPlan {
            try ImportPlan.make(
                rows: read.rows, badRows: read.badRows, sheetName: sheetPath, collection: collection, directory: store,
                zone: zone, classes: classes)
        }
        if dryRun {
            let planned = try plan()
            report.plan = planned
            report.problems = (report.problems + planned.problems).sorted()
            return report
        }
        _ = try StoreLoader.listing(store)
        try StoreWriter(directory: store).locked {
            let planned = try plan()
            report.plan = planned
            report.problems = (report.problems + planned.problems).sorted()
            guard !report.hasErrors || skipBad, planned.writes else { return }
            try StoreWriter(directory: store).write(planned)
            report.wrote = true
        }
        return report
    }
}
