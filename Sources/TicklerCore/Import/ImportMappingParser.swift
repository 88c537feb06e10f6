/// Reads a mapping file (docs/import.md) through the rules' YAML layer, so that every
/// problem is reported as `FILE:LINE:COLUMN: message` with a did-you-mean, all in one run.
///
/// ```yaml
/// collection: customers
/// encoding: gb18030
/// date_format: dmy
/// columns: { 客户全称: name, 内部备注: ignore }
/// values:
///   class: { VIP: A, 普通: C }
/// defaults: { rep: R01 }
/// join: { name: { columns: [First Name, Last Name], with: " " } }
/// ```
package enum ImportMappingParser {
    static let topLevelKeys = [
        "collection", "encoding", "separator", "date_format", "decimal", "sheet", "header_row", "columns", "values",
        "defaults", "join",
    ]

    /// The mapping in `text` for `collection`, whose records have `fields`.
    ///
    /// Throws ``DiagnosticsError`` with every problem found.
    package static func parse(_ text: String, file: String, collection: String, fields: [String])
        throws(DiagnosticsError) -> ImportMapping
    {
        let document = try YAMLTypoRecovery.load(text, file: file) { (repaired) throws(DiagnosticsError) in
            _ = try parse(repaired, file: file, collection: collection, fields: fields)
        }
        var r = NodeReader(file: file)
        var mapping = ImportMapping()
        guard let root = document, let top = r.mapping(root, in: "the mapping file", allowed: topLevelKeys) else {
            if r.isClean { r.error(r.fileStart, "the mapping file is empty; write columns: and values: (see docs/import.md)") }
            try r.finish()
            return mapping
        }
        if let node = top.value("collection"), let name = r.string(node, "'collection'") {
            if name != collection {
                r.error(node.location, "this mapping is for '\(name)', but the command imports '\(collection)'; use a mapping written for \(collection)")
            }
            mapping.collection = name
        }
        if let node = top.value("encoding") {
            mapping.encoding = r.choice(node, kind: "encoding", among: ImportMapping.encodings)
        }
        if let node = top.value("separator"), let text = r.string(node, "'separator'", allowEmpty: true) {
            switch text {
            case ",", ";": mapping.separator = text.first
            case "\t", "tab", "\\t": mapping.separator = "\t"
            default: r.error(node.location, "'separator' must be \",\", \";\" or tab, not '\(NodeReader.clip(text))'")
            }
        }
        if let node = top.value("date_format") {
            mapping.dateOrder = r.choice(node, kind: "date_format", as: DateOrder.self)
        }
        if let node = top.value("decimal"), let text = r.string(node, "'decimal'") {
            switch text {
            case ",": mapping.decimalComma = true
            case ".": mapping.decimalComma = false
            default: r.error(node.location, "'decimal' must be \",\" or \".\" (the character before the cents), not '\(NodeReader.clip(text))'")
            }
        }
        if let node = top.value("sheet") { mapping.sheet = r.string(node, "'sheet'") }
        if let node = top.value("header_row") { mapping.headerRow = r.int(node, "'header_row'", in: 1...1000) }
        if let node = top.value("columns") {
            for (key, value) in pairs(node, "'columns'", &r) {
                guard let header = r.string(key, "a column header") else { continue }
                var given: [String] = []
                if value.isNull {
                    mapping.columns[header] = []
                    continue
                }
                for item in r.list(value, "the field of column '\(header)'", allowSingle: true) ?? [] {
                    guard let field = r.string(item, "the field of column '\(header)'") else { continue }
                    if field == "ignore" { continue }
                    if fields.contains(field) {
                        given.append(field)
                    } else {
                        r.error(item.location, NodeReader.unknown("\(collection) field", field, in: nil, allowed: fields + ["ignore"]))
                    }
                }
                mapping.columns[header] = given
            }
        }
        if let node = top.value("values") {
            for (key, value) in pairs(node, "'values'", &r) {
                guard let field = checkedField(key, fields, collection, &r) else { continue }
                var table: [String: String] = [:]
                for (from, to) in pairs(value, "'values' of \(field)", &r) {
                    guard let source = r.string(from, "a cell value", allowEmpty: true),
                        let target = r.string(to, "the value for '\(source)'")
                    else { continue }
                    table[source] = target
                }
                mapping.values[field] = table
            }
        }
        if let node = top.value("defaults") {
            for (key, value) in pairs(node, "'defaults'", &r) {
                guard let field = checkedField(key, fields, collection, &r), let text = r.string(value, "the default of \(field)")
                else { continue }
                mapping.defaults[field] = text
            }
        }
        if let node = top.value("join") {
            for (key, value) in pairs(node, "'join'", &r) {
                guard let field = checkedField(key, fields, collection, &r), let join = self.join(value, field, &r) else { continue }
                mapping.joins[field] = join
            }
        }
        try r.finish()
        return mapping
    }

    /// `[First Name, Last Name]` (joined with a space) or `{ columns: [姓, 名], with: "" }`.
    private static func join(_ node: YAMLNode, _ field: String, _ r: inout NodeReader) -> ImportJoin? {
        var list = node
        var separator = " "
        if case .mapping = node.content {
            guard let entries = r.mapping(node, in: "the join of '\(field)'", allowed: ["columns", "with"]),
                let columns = r.required(entries, "columns", example: "[First Name, Last Name]")
            else { return nil }
            list = columns
            if let with = entries["with"] {
                guard let text = r.string(with, "'with' of the join of '\(field)'", allowEmpty: true) else { return nil }
                separator = with.isNull ? "" : text
            }
        }
        guard case .sequence(let items) = list.content else {
            r.error(list.location, "the columns of the join of '\(field)' must be a list of headers, e.g. [First Name, Last Name], not \(list.kindDescription)")
            return nil
        }
        var headers: [String] = []
        var locations: [SourceLocation?] = []
        for item in items {
            guard let header = r.string(item, "a column of the join of '\(field)'") else { continue }
            if headers.contains(header) {
                r.error(item.location, "the column '\(header)' is already in the join of '\(field)'; name each column once")
                continue
            }
            headers.append(header)
            locations.append(item.location)
        }
        guard items.count >= 2 else {
            r.error(list.location, "the join of '\(field)' needs two or more columns, e.g. [First Name, Last Name]; map one column with columns: {HEADER: \(field)}")
            return nil
        }
        return ImportJoin(headers: headers, separator: separator, locations: locations)
    }

    private static func pairs(_ node: YAMLNode, _ what: String, _ r: inout NodeReader) -> [(YAMLNode, YAMLNode)] {
        guard case .mapping(let pairs) = node.content else {
            r.error(node.location, "\(what) must be a mapping of 'key: value' lines, not \(node.kindDescription)")
            return []
        }
        return pairs.map { ($0.key, $0.value) }
    }

    private static func checkedField(_ key: YAMLNode, _ fields: [String], _ collection: String, _ r: inout NodeReader)
        -> String?
    {
        guard let field = r.string(key, "a field name") else { return nil }
        guard fields.contains(field) else {
            r.error(key.location, NodeReader.unknown("\(collection) field", field, in: nil, allowed: fields))
            return nil
        }
        return field
    }
}
