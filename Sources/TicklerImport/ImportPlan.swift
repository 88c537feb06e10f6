import Foundation
package import TicklerCore
package import TicklerStore

/// What importing rows into a store would do, worked out before anything is written: which
/// records are added, changed or already there, every problem with its sheet row, and the
/// bytes to write.
package struct ImportPlan: Sendable {
    /// One row's outcome.
    package enum Outcome: Sendable, Hashable {
        case added
        /// A rep or customer whose fields differ; the names of the fields that change.
        case changed([String])
        case unchanged
        /// An appended record whose natural key is already in the store (or earlier in the sheet).
        case alreadyThere
        case bad
    }

    package var collection: StoreCollection
    /// The store file written (`customers.json`, `contacts.jsonl`).
    package var fileName: String
    /// Each good or bad row's outcome, in sheet order: row number, id or key text, outcome.
    package var rows: [(row: Int, label: String, outcome: Outcome)]
    package var problems: [ImportProblem]
    /// The whole new content of the file (upserts, or an append to a `.json` array).
    package var rewrite: [UInt8]?
    /// Lines to append (an append to a `.jsonl` file).
    package var appendLines: [String]

    package func count(_ outcome: (Outcome) -> Bool) -> Int { rows.filter { outcome($0.outcome) }.count }
    package var added: Int { count { $0 == .added } }
    package var changed: Int { count { if case .changed = $0 { true } else { false } } }
    package var unchanged: Int { count { $0 == .unchanged } }
    package var alreadyThere: Int { count { $0 == .alreadyThere } }
    package var bad: Int { count { $0 == .bad } }
    package var hasErrors: Bool { problems.contains(where: \.isError) }
    /// Whether there is anything to write.
    package var writes: Bool { rewrite != nil || !appendLines.isEmpty }
}

extension ImportPlan {
    /// Works out the import of `rows` (read from the sheet `sheetName`) into the store at
    /// `directory`. Bad rows stay out of what is written; the caller writes nothing at all when
    /// there are any, unless told to skip them. `partialRows` (bad rows with their good cells)
    /// get the store's checks too, so that their other problems come in the same run.
    package static func make(
        rows: [ImportedRow], badRows: Set<Int>, sheetName: String, collection: StoreCollection, directory: String,
        zone: Zone, classes: [String], partialRows: [(row: ImportedRow, badFields: Set<String>)] = []
    ) throws -> ImportPlan {
        let load = try StoreLoader(directory: directory, zone: zone, classes: classes).load()
        let present = try StoreLoader.listing(directory)
        let upsert = collection == .reps || collection == .customers
        let fileName = collection.fileName(in: present) ?? (upsert ? collection.arrayFileName : collection.linesFileName)
        let raw = try StoreRawCollection.read(directory: directory, fileName: fileName)
        let decoder = StoreRecordDecoder(zone: zone, classes: classes)

        var problems: [ImportProblem] = []
        var outcomes: [(row: Int, label: String, outcome: Outcome)] = badRows.map { (row: $0, label: "", outcome: Outcome.bad) }
        // The store's own records of this collection, by id or natural key.
        var existing: [String: Int] = [:]
        var existingRecords: [Int: ImportRecord] = [:]
        for (index, record) in raw.records.enumerated() {
            guard let members = record.members,
                let typed = try? ImportRecord.decode(members, collection, decoder, origin: RecordOrigin(file: fileName, line: record.line))
            else { continue }
            let key = typed.id ?? typed.naturalKey
            if existing[key] == nil { existing[key] = index }
            existingRecords[index] = typed
        }
        var texts: [String?] = raw.records.map { _ in nil }  // replacement text per existing record
        var newTexts: [String] = []
        var newRecords: [ImportRecord] = []
        var replaced: [Int: ImportRecord] = [:]
        var seenInSheet: [String: Int] = [:]
        var goodRows: [(ImportedRow, ImportRecord, String)] = []
        let reps = NameLookup(load.snapshot.reps.map { ($0.id, $0.name) })
        let customers = NameLookup(load.snapshot.customers.map { ($0.id, $0.name) })
        var lookups = ["rep": reps, "manager": reps, "approved_by": reps]
        if collection != .customers { lookups["customer"] = customers }
        for original in rows {
            let row = NameLookup.resolve(original, fields: lookups)
            let origin = RecordOrigin(file: sheetName, line: row.row)
            let record: ImportRecord
            do throws(RecordProblem) {
                record = try ImportRecord.decode(ImportJSON.members(row.fields), collection, decoder, origin: origin)
            } catch {
                problems.append(problem(row, sheetName, error.message))
                outcomes.append((row.row, "", .bad))
                continue
            }
            let key = record.id ?? record.naturalKey
            if let first = seenInSheet[key] {
                if upsert {
                    problems.append(problem(row, sheetName, "\(collection.recordName) '\(key)' is already on row \(first) of this sheet; keep one row per id", field: "id"))
                    outcomes.append((row.row, key, .bad))
                } else {
                    outcomes.append((row.row, label(record), .alreadyThere))
                }
                continue
            }
            seenInSheet[key] = row.row
            goodRows.append((row, record, key))
        }
        for (row, record, key) in goodRows {
            if let index = existing[key] {
                guard upsert else {
                    outcomes.append((row.row, label(record), .alreadyThere))
                    continue
                }
                guard let old = existingRecords[index] else { continue }
                if old.content == record.content {
                    outcomes.append((row.row, key, .unchanged))
                    continue
                }
                let members = raw.records[index].members ?? []
                let merged = ImportJSON.merged(members, row.fields) ?? ImportJSON.mergedNested(raw.records[index].text, row.fields)
                guard let merged,
                    let mergedRecord = try? ImportRecord.decode(
                        JSONParserMembers.parse(merged), collection, decoder, origin: RecordOrigin(file: sheetName, line: row.row))
                else {
                    problems.append(problem(row, sheetName, "the store's record at \(fileName):\(raw.records[index].line) could not be merged with this row; fix that record"))
                    outcomes.append((row.row, key, .bad))
                    continue
                }
                if mergedRecord.content == old.content {
                    outcomes.append((row.row, key, .unchanged))
                    continue
                }
                texts[index] = merged
                replaced[index] = mergedRecord
                let fieldsChanged = row.fields.map(\.name).filter { name in
                    let before = members.last { $0.key == name }?.value
                    return before != ImportJSON.json(row.value(name)!)
                }
                outcomes.append((row.row, key, .changed(fieldsChanged)))
            } else {
                newTexts.append(ImportJSON.object(row.fields))
                newRecords.append(record)
                outcomes.append((row.row, record.id ?? label(record), .added))
            }
        }
        // The checks across records that `tickler check --store` makes, on the store as it
        // would be after the import.
        let after = StoreAfterImport(snapshot: load.snapshot, collection: collection, replaced: Array(replaced.values), added: newRecords)
        let rowsByNumber = Dictionary(rows.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
        for diagnostic in after.integrity(sheetName: sheetName, directory: directory)
        where diagnostic.location.file == sheetName {
            let rowNumber = diagnostic.location.line
            if let row = rowsByNumber[rowNumber] {
                let field = integrityField(of: diagnostic.message)
                var found = problem(row, sheetName, diagnostic.message, field: field)
                found.severity = diagnostic.severity
                problems.append(found)
            } else {
                problems.append(ImportProblem(diagnostic.location, diagnostic.message, severity: diagnostic.severity))
            }
            guard diagnostic.severity == .error else { continue }
            if let index = outcomes.firstIndex(where: { $0.row == rowNumber }) { outcomes[index].outcome = .bad }
            if let i = replaced.first(where: { $0.value.originLine == rowNumber })?.key { texts[i] = nil }
            if let i = newRecords.firstIndex(where: { $0.originLine == rowNumber }) {
                newRecords.remove(at: i)
                newTexts.remove(at: i)
            }
        }
        if !partialRows.isEmpty {
            let checks = BadRowChecks(
                collection: collection, decoder: decoder, classes: classes, sheetName: sheetName, directory: directory,
                lookups: lookups)
            problems += checks.problems(
                partialRows, snapshot: load.snapshot, storeKeys: Set(existing.keys), replaced: Array(replaced.values),
                added: newRecords)
        }
        var plan = ImportPlan(
            collection: collection, fileName: fileName, rows: outcomes.sorted { $0.row < $1.row }, problems: problems.sorted(),
            rewrite: nil, appendLines: [])
        let anyChange = texts.contains { $0 != nil } || !newTexts.isEmpty
        guard anyChange else { return plan }
        if raw.isLines && !upsert {
            plan.appendLines = newTexts
        } else {
            plan.rewrite = StoreFileText.render(raw: raw, replacements: texts, added: newTexts)
        }
        return plan
    }

    static func problem(_ row: ImportedRow, _ sheet: String, _ message: String, field: String? = nil) -> ImportProblem {
        let column = (field ?? decodedField(of: message)).flatMap { row.columns[$0] }
        return ImportProblem(
            SourceLocation(file: sheet, line: row.row, column: column?.index), header: column?.header, message)
    }

    /// The field a store decoder's problem is about: it names the field (`field 'phone' ...`).
    static func decodedField(of message: String) -> String? {
        if message.hasPrefix("unknown class") { return "class" }
        return message.split(separator: "'", maxSplits: 2).dropFirst().first.map(String.init)
    }

    /// The field a check across records is about: the rep, customer or id it names
    /// (`rep 'R77' is not in the store's reps`).
    static func integrityField(of message: String) -> String? {
        ["manager", "rep", "customer", "id"].first { message.contains("\($0) '") }
    }

    private static func label(_ record: ImportRecord) -> String {
        switch record {
        case .rep(let r): r.id
        case .customer(let c): c.id
        case .contact(let c): "\(c.customer) \(c.rep)"
        case .attendance(let a): "\(a.rep) \(a.date)"
        case .event(let e): "\(e.rep) \(e.event)"
        case .report(let r): "\(r.rep) \(r.date) \(r.kind.rawValue)"
        }
    }
}
