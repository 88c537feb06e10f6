/// One cell of an imported sheet, read as the type its store field has; written into the
/// store as a JSON string, number or boolean.
package enum ImportedValue: Sendable, Hashable {
    case text(String)
    /// A number's literal digits (`1234.5`), kept exact.
    case number(String)
    case bool(Bool)
}

/// One row of a sheet as store fields, in the order of the sheet's columns.
package struct ImportedRow: Sendable, Hashable {
    /// The row's number in the sheet as a spreadsheet shows it (the header is usually row 1).
    package var row: Int
    package var fields: [(name: String, value: ImportedValue)]
    /// The sheet's column (1-based) and header of each field, for messages about the field.
    package var columns: [String: (index: Int, header: String)]

    package init(row: Int, fields: [(name: String, value: ImportedValue)], columns: [String: (index: Int, header: String)]) {
        self.row = row
        self.fields = fields
        self.columns = columns
    }

    /// The value of `field`, if the row has it.
    package func value(_ field: String) -> ImportedValue? {
        fields.last { $0.name == field }?.value
    }

    package static func == (lhs: ImportedRow, rhs: ImportedRow) -> Bool {
        lhs.row == rhs.row && lhs.fields.map(\.name) == rhs.fields.map(\.name)
            && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(row)
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}
