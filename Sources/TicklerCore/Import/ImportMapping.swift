/// How a sheet's columns and cells become store records, beyond what ``ImportHeaders``
/// recognises on its own: read from a mapping file (`tickler import --map MAP.yaml`, see
/// docs/import.md) and from the command's options.
package struct ImportMapping: Sendable {
    /// The collection the mapping is written for, when the file names one.
    package var collection: String?
    /// The file's text encoding (`utf-8`, `gb18030`, `utf-16`, `windows-1250`, ...).
    package var encoding: String?
    /// The CSV field separator: `,`, `;` or a tab.
    package var separator: Character?
    /// How `03/04/2026` is read.
    package var dateOrder: DateOrder?
    /// Whether a comma separates decimals in amounts (`1.234,50`).
    package var decimalComma: Bool?
    /// The XLSX sheet to read (by name); the first one when `nil`.
    package var sheet: String?
    /// The sheet row that holds the headers (1-based); the first non-empty row when `nil`.
    package var headerRow: Int?
    /// Header (as written in the sheet) to the store fields it gives (usually one; none
    /// ignores the column; `[name, id]` uses a sheet's names as ids).
    package var columns: [String: [String]]
    /// Per field, a cell's text to the value to store (`VIP: A`, `电话: phone`).
    package var values: [String: [String: String]]
    /// Per field, the text to store where the sheet has no column for it or the cell is empty.
    package var defaults: [String: String]
    /// Per field, the columns whose cells are joined into it (`name` from First Name and
    /// Last Name); these columns give no field of their own.
    package var joins: [String: ImportJoin]

    package init(
        collection: String? = nil, encoding: String? = nil, separator: Character? = nil, dateOrder: DateOrder? = nil,
        decimalComma: Bool? = nil, sheet: String? = nil, headerRow: Int? = nil, columns: [String: [String]] = [:],
        values: [String: [String: String]] = [:], defaults: [String: String] = [:], joins: [String: ImportJoin] = [:]
    ) {
        self.collection = collection
        self.encoding = encoding
        self.separator = separator
        self.dateOrder = dateOrder
        self.decimalComma = decimalComma
        self.sheet = sheet
        self.headerRow = headerRow
        self.columns = columns
        self.values = values
        self.defaults = defaults
        self.joins = joins
    }

    /// The encodings `encoding` may name.
    package static let encodings = ["utf-8", "gb18030", "gbk", "utf-16", "utf-16le", "utf-16be", "windows-1250", "windows-1252"]

    /// The fields `header` gives: through ``columns`` (exactly, or as normalized text), else
    /// ``ImportHeaders``. `nil` means unknown, an empty list ignored on purpose.
    package func fields(for header: String, among fields: [String]) -> [String]? {
        if let mapped = columns[header] { return mapped }
        let key = ImportHeaders.normalized(header)
        if let entry = columns.first(where: { ImportHeaders.normalized($0.key) == key }) { return entry.value }
        return ImportHeaders.field(for: header, among: fields).map { [$0] }
    }
}
