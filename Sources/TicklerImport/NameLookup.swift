import TicklerCore

/// A rep or customer written in a sheet by name (`业务员: 王芳`, `Salesperson: Lucía Pérez`)
/// rather than by id: the id of the one rep or customer with that name, so a plain office
/// sheet imports without a mapping file. A name that fits two records is left as written
/// (and then reported as an unknown id, with a did-you-mean).
struct NameLookup {
    private var ids: Set<String>
    private var byName: [String: Set<String>] = [:]

    /// Names are matched whole (`王芳 Wang Fang`) and by the part before and after the first
    /// space (`王芳`, `Wang Fang`), ignoring case, accents and punctuation.
    init(_ records: [(id: String, name: String)]) {
        ids = Set(records.map(\.id))
        for record in records {
            var keys = [record.name]
            if let space = record.name.firstIndex(of: " ") {
                keys.append(String(record.name[..<space]))
                keys.append(String(record.name[record.name.index(after: space)...]))
            }
            for key in keys.map(ImportHeaders.normalized) where !key.isEmpty {
                byName[key, default: []].insert(record.id)
            }
        }
    }

    /// The id `text` stands for: itself when it is an id, else the one record so named.
    func id(for text: String) -> String {
        if ids.contains(text) { return text }
        guard let found = byName[ImportHeaders.normalized(text)], found.count == 1 else { return text }
        return found.first!
    }

    /// `row` with its rep and customer fields (`fields`) written as ids where they name one.
    static func resolve(_ row: ImportedRow, fields: [String: NameLookup]) -> ImportedRow {
        var row = row
        for index in row.fields.indices {
            guard let lookup = fields[row.fields[index].name], case .text(let text) = row.fields[index].value else { continue }
            row.fields[index].value = .text(lookup.id(for: text))
        }
        return row
    }
}
