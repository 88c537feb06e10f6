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
        if let quote = file.unclosedQuote {
            // The rows from the quote on are lost in one cell: check the rows before it, write nothing.
            let read = table.read(file.rows.filter { $0.number < quote.row })
            let problem = Self.unclosedQuoteProblem(quote, file: sheetPath, rows: file.rows, headerRow: read.headerRow)
            return Report(sheet: file, headerRow: read.headerRow, plan: nil, problems: (read.problems + [problem]).sorted(), wrote: false)
        }
        let read = table.read(file.rows)
        var report = Report(sheet: file, headerRow: read.headerRow, plan: nil, problems: read.problems, wrote: false)
        if read.headerRow == nil || read.headerFailed {
            return report
        }
        func plan() throws -> ImportPlan {
            try ImportPlan.make(
                rows: read.rows, badRows: read.badRows, sheetName: sheetPath, collection: collection, directory: store,
                zone: zone, classes: classes, partialRows: read.partialRows)
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

    /// The problem of a CSV cell whose quote is never closed, at the cell, with its header when
    /// the header row comes before it.
    static func unclosedQuoteProblem(_ quote: CSVQuoteCheck.Place, file: String, rows: [SheetRow], headerRow: Int?) -> ImportProblem {
        let header = rows.first { $0.number == headerRow && $0.number < quote.row }
            .flatMap { $0.cells.indices.contains(quote.column - 1) ? $0.cells[quote.column - 1] : nil }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let lines = quote.lastLine > quote.line ? "lines \(quote.line)-\(quote.lastLine)" : "line \(quote.line)"
        return ImportProblem(
            SourceLocation(file: file, line: quote.row, column: quote.column), header: header?.isEmpty == false ? header : nil,
            "unclosed quote that starts here: the cell's opening \" is never closed, so the rest of the file (\(lines)) would be read as this one cell and its rows lost; put the closing \" where the cell ends, write a \" inside a quoted cell as \"\", or save the sheet again from Excel or LibreOffice; nothing was written (--skip-bad cannot skip it)")
    }
}
