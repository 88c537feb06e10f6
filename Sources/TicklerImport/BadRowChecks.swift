import Foundation
import TicklerCore
import TicklerStore

/// The store's own checks of the rows that had a bad cell, so that one run reports every
/// problem of a row (`'2026/13/02' is not a date` and `unknown class 'Z'` together) instead
/// of the second only after the first is fixed. The bad cells of a required field are filled
/// with a stand-in that passes the checks, and problems about those fields or stand-ins are
/// left out; the rows are never written.
struct BadRowChecks {
    var collection: StoreCollection
    var decoder: StoreRecordDecoder
    var classes: [String]
    var sheetName: String
    var directory: String
    /// Rep and customer fields written as names (``NameLookup``).
    var lookups: [String: NameLookup]

    /// Marks a stand-in's text; a problem that quotes it is about the stand-in.
    static let marker = "\u{FFFC}"

    /// The problems of `partial` rows, with the good rows' records already worked out
    /// (`replaced`, `added`), as the store would be with all of them.
    func problems(
        _ partial: [(row: ImportedRow, badFields: Set<String>)], snapshot: Snapshot, storeKeys: Set<String>,
        replaced: [ImportRecord], added: [ImportRecord]
    ) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var badReplaced: [ImportRecord] = []
        var badAdded: [ImportRecord] = []
        var rows: [Int: (row: ImportedRow, badFields: Set<String>)] = [:]
        for (original, badFields) in partial {
            var row = NameLookup.resolve(original, fields: lookups)
            for field in collection.requiredFields where row.value(field) == nil {
                row.fields.append((field, standIn(field, row: row.row)))
            }
            rows[row.row] = (row, badFields)
            let record: ImportRecord
            do throws(RecordProblem) {
                record = try ImportRecord.decode(
                    ImportJSON.members(row.fields), collection, decoder, origin: RecordOrigin(file: sheetName, line: row.row))
            } catch {
                let field = ImportPlan.decodedField(of: error.message)
                if let found = keep(error.message, field, row, badFields) { problems.append(found) }
                continue
            }
            if storeKeys.contains(record.id ?? record.naturalKey) {
                if record.id != nil { badReplaced.append(record) }
            } else {
                badAdded.append(record)
            }
        }
        let after = StoreAfterImport(
            snapshot: snapshot, collection: collection, replaced: replaced + badReplaced, added: added + badAdded)
        for diagnostic in after.integrity(sheetName: sheetName, directory: directory) where diagnostic.location.file == sheetName {
            guard let entry = rows[diagnostic.location.line],
                var found = keep(diagnostic.message, ImportPlan.integrityField(of: diagnostic.message), entry.row, entry.badFields)
            else { continue }
            found.severity = diagnostic.severity
            problems.append(found)
        }
        return problems
    }

    /// The problem `message` of `row`, unless it is about a bad cell's field or a stand-in.
    private func keep(_ message: String, _ field: String?, _ row: ImportedRow, _ badFields: Set<String>) -> ImportProblem? {
        guard !message.contains(Self.marker) else { return nil }
        if let field, badFields.contains(field) { return nil }
        return ImportPlan.problem(row, sheetName, message, field: field)
    }

    /// A value of `field`'s type that passes the record checks and matches no real record:
    /// a marked text, a known class, a day in 1800 that differs row by row.
    private func standIn(_ field: String, row: Int) -> ImportedValue {
        let day = LocalDate(year: 1800, month: 1, day: 1)!.adding(days: row)
        switch ImportFieldKind.of(field) {
        case .date: return .text(day.description)
        case .timestamp: return .text("\(day)T00:00:00")
        case .choice(let choices): return .text(choices.first ?? Self.marker)
        case .integer, .number: return .number("0")
        case .bool: return .bool(false)
        case .timeOfDay: return .text("00:00")
        case .text: return .text(field == "class" ? classes.first ?? Self.marker : "\(Self.marker)\(row)")
        }
    }
}
