import Foundation

/// Turns a sheet's rows into store fields: finds the header row, maps each column to a field
/// (``ImportMapping``, ``ImportHeaders``), and reads every cell as its field's type
/// (``ImportCells``). Pure: the rows come in, fields and problems go out.
package struct ImportTable: Sendable {
    /// What a sheet gave.
    package struct Result: Sendable {
        /// The rows whose cells all read well, in sheet order.
        package var rows: [ImportedRow]
        /// Every problem: of the header (no column for a required field), and of cells.
        package var problems: [ImportProblem]
        /// Numbers of the rows that had a bad cell (left out of ``rows``).
        package var badRows: Set<Int>
        /// The bad rows with the cells that read well, and the fields whose cells did not: the
        /// store's own checks (an unknown class, a rep not in the store) still run on them, so
        /// that one run reports every problem of a row. Never written.
        package var partialRows: [(row: ImportedRow, badFields: Set<String>)] = []
        /// True when the headers do not give what the rows need (no row was read).
        package var headerFailed = false
        /// The sheet row of the headers.
        package var headerRow: Int?
    }

    package var file: String
    package var collection: String
    /// The collection's fields, required first.
    package var fields: [String]
    package var required: [String]
    package var mapping: ImportMapping
    /// Whether a comma separates decimals, when the option or the mapping says so; otherwise
    /// each number column's cells settle it, and `defaultDecimalComma` where they do not.
    package var decimalComma: Bool?
    /// The file's convention where nothing else tells (a `;` file: a decimal comma).
    package var defaultDecimalComma: Bool

    package init(
        file: String, collection: String, fields: [String], required: [String], mapping: ImportMapping,
        decimalComma: Bool?, defaultDecimalComma: Bool = false
    ) {
        self.file = file
        self.collection = collection
        self.fields = fields
        self.required = required
        self.mapping = mapping
        self.decimalComma = decimalComma
        self.defaultDecimalComma = defaultDecimalComma
    }

    /// The fields of every row of `sheet`.
    package func read(_ sheet: [SheetRow]) -> Result {
        var problems: [ImportProblem] = []
        let headerIndex: Int?
        if let wanted = mapping.headerRow {
            headerIndex = sheet.firstIndex { $0.number == wanted }
        } else {
            headerIndex = sheet.firstIndex { !$0.isBlank }
        }
        guard let headerIndex else {
            let line = mapping.headerRow ?? 1
            problems.append(ImportProblem(at(line, nil), "no header row found; the first row must name the columns (see docs/import.md)"))
            return Result(rows: [], problems: problems, badRows: [], headerRow: nil)
        }
        let header = sheet[headerIndex]
        // A join is a column of its own, at its first column; `parts` are the joined columns.
        var columns: [(index: Int, header: String, field: String, parts: [Int]?)] = []
        var joined: Set<Int> = []
        for (field, join) in mapping.joins.sorted(by: { $0.key < $1.key }) {
            let found = join.indices(in: header.cells)
            var missing = false
            for (i, index) in found.enumerated() where index == nil {
                missing = true
                problems.append(missingJoinColumn(join, i, field: field, header: header))
            }
            guard !missing else { continue }
            let parts = found.compactMap { $0 }
            joined.formUnion(parts)
            columns.append((parts[0], join.label, field, parts))
        }
        var ignored: [String] = []
        for (index, raw) in header.cells.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            // A joined column gives only its join, unless the mapping names it in columns: too.
            if joined.contains(index), mapping.columns[name] == nil { continue }
            guard let given = mapping.fields(for: name, among: fields) else {
                ignored.append(name)
                continue
            }
            for field in given {
                if let other = columns.first(where: { $0.field == field }) {
                    let fix = other.parts == nil ? "ignore one in the mapping file" : "ignore this one or drop the join"
                    problems.append(ImportProblem(
                        at(header.number, index), header: name,
                        "this column and column \(other.index + 1) (\(other.header)) both give '\(field)'; \(fix) (columns: {\(name): ignore})"))
                } else {
                    columns.append((index, name, field, nil))
                }
            }
        }
        if !ignored.isEmpty {
            problems.append(ImportProblem(
                at(header.number, nil),
                "columns not imported: \(ignored.joined(separator: ", ")) (no \(collection) field by these names; map them in a mapping file, columns: {HEADER: FIELD}, or 'ignore' them to silence this)",
                severity: .warning))
        }
        for field in required where !columns.contains(where: { $0.field == field }) && mapping.defaults[field] == nil {
            problems.append(ImportProblem(
                at(header.number, nil),
                "no column gives the required field '\(field)' (the headers are: \(header.cells.filter { !$0.isEmpty }.joined(separator: ", "))); name a column for it in a mapping file (columns: {HEADER: \(field)}) or give a default (defaults: {\(field): VALUE})"))
        }
        if problems.contains(where: \.isError) {
            return Result(rows: [], problems: problems, badRows: [], headerFailed: true, headerRow: header.number)
        }
        let body = sheet[(headerIndex + 1)...].filter { !$0.isBlank }
        var orders: [String: DateOrder] = [:]
        var commas: [String: Bool] = [:]
        func text(_ row: SheetRow, _ column: (index: Int, header: String, field: String, parts: [Int]?)) -> String {
            if let parts = column.parts, let join = mapping.joins[column.field] { return join.text(row.cells, indices: parts) }
            return row.cells.indices.contains(column.index) ? row.cells[column.index] : ""
        }
        for column in columns {
            let texts = body.map { text($0, column) }
            switch ImportFieldKind.of(column.field) {
            case .date, .timestamp:
                if let order = mapping.dateOrder ?? ImportDates.inferOrder(texts) { orders[column.field] = order }
            case .number, .integer:
                if decimalComma == nil, let comma = ImportNumbers.inferDecimalComma(texts) { commas[column.field] = comma }
            default: break
            }
        }
        let cells = ImportCells(
            mapping: mapping, decimalComma: decimalComma ?? defaultDecimalComma, dateOrders: orders, decimalCommas: commas)
        var rows: [ImportedRow] = []
        var badRows: Set<Int> = []
        var partial: [(row: ImportedRow, badFields: Set<String>)] = []
        for row in body {
            var fieldsOut: [(name: String, value: ImportedValue)] = []
            var where_: [String: (index: Int, header: String)] = [:]
            var bad = false
            var badFields: Set<String> = []
            for column in columns {
                where_[column.field] = (column.index + 1, column.header)
                do throws(ImportCells.Problem) {
                    if let value = try cells.value(text(row, column), field: column.field) {
                        fieldsOut.append((column.field, value))
                    } else if required.contains(column.field) {
                        throw ImportCells.Problem("the cell is empty, and '\(column.field)' is required; fill it in or give a default in a mapping file (defaults: {\(column.field): VALUE})")
                    }
                } catch {
                    problems.append(ImportProblem(at(row.number, column.index), header: column.header, error.message))
                    badFields.insert(column.field)
                    bad = true
                }
            }
            for (field, text) in mapping.defaults.sorted(by: { $0.key < $1.key }) where !fieldsOut.contains(where: { $0.name == field }) {
                do throws(ImportCells.Problem) {
                    if let value = try cells.value(text, field: field) { fieldsOut.append((field, value)) }
                } catch {
                    problems.append(ImportProblem(at(row.number, nil), "the default of '\(field)': \(error.message)"))
                    badFields.insert(field)
                    bad = true
                }
            }
            if bad {
                badRows.insert(row.number)
                partial.append((ImportedRow(row: row.number, fields: fieldsOut, columns: where_), badFields))
            } else {
                rows.append(ImportedRow(row: row.number, fields: fieldsOut, columns: where_))
            }
        }
        return Result(rows: rows, problems: problems, badRows: badRows, partialRows: partial, headerRow: header.number)
    }

    /// A join's column `i` that the header row lacks: at the mapping file's line when known,
    /// with the nearest header of the sheet.
    private func missingJoinColumn(_ join: ImportJoin, _ i: Int, field: String, header: SheetRow) -> ImportProblem {
        let headers = header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let near = NearestName.suggestion(for: join.headers[i], among: headers).map { "did you mean '\($0)'? " } ?? ""
        let location = (join.locations.indices.contains(i) ? join.locations[i] : nil) ?? at(header.number, nil)
        return ImportProblem(
            location,
            "the join of '\(field)' names the column '\(join.headers[i])', which the header row (row \(header.number) of \(file)) does not have; \(near)the headers are: \(headers.joined(separator: ", "))")
    }

    private func at(_ row: Int, _ index: Int?) -> SourceLocation {
        SourceLocation(file: file, line: row, column: index.map { $0 + 1 })
    }
}
