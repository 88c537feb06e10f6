import Foundation
import TicklerCore
import TicklerStore

/// The store's records as they would be after an import, checked across records with
/// ``StoreIntegrity`` (ids used twice, reps and customers that do not exist), as
/// `tickler check --store` and the daemon check them.
struct StoreAfterImport {
    var snapshot: Snapshot
    var collection: StoreCollection
    /// Records of the collection replaced by the import (their origin is the sheet's row).
    var replaced: [ImportRecord]
    var added: [ImportRecord]

    /// The diagnostics of the whole store after the import; the sheet's records are at
    /// `sheetName`, the store's at their files in `directory`.
    func integrity(sheetName: String, directory: String) -> [Diagnostic] {
        let changed = Array(replaced) + added
        let replacedIDs = Set(replaced.compactMap(\.id))
        var reps = snapshot.reps
        var customers = snapshot.customers
        var contacts = snapshot.contacts
        var attendance = snapshot.attendance
        var events = snapshot.events
        var reports = snapshot.reports
        if collection == .reps { reps.removeAll { replacedIDs.contains($0.id) } }
        if collection == .customers { customers.removeAll { replacedIDs.contains($0.id) } }
        for record in changed {
            switch record {
            case .rep(let r): reps.append(r)
            case .customer(let c): customers.append(c)
            case .contact(let c): contacts.append(c)
            case .attendance(let a): attendance.append(a)
            case .event(let e): events.append(e)
            case .report(let r): reports.append(r)
            }
        }
        let (_, diagnostics) = StoreIntegrity.snapshot(
            reps: reps, customers: customers, contacts: contacts, attendance: attendance, events: events,
            reports: reports
        ) { origin in
            SourceLocation(
                file: origin.file == sheetName ? sheetName : (directory as NSString).appendingPathComponent(origin.file),
                line: origin.line)
        }
        return diagnostics
    }
}

extension ImportRecord {
    /// The line (the sheet's row) the record came from.
    var originLine: Int {
        switch self {
        case .rep(let r): r.origin.line
        case .customer(let c): c.origin.line
        case .contact(let c): c.origin.line
        case .attendance(let a): a.origin.line
        case .event(let e): e.origin.line
        case .report(let r): r.origin.line
        }
    }
}

/// The members of a JSON object's text; empty when it is not one.
enum JSONParserMembers {
    static func parse(_ text: String) -> [JSONMember] {
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { buffer in try? JSONParser.parse(buffer) }
        guard case .object(let members) = value else { return [] }
        return members
    }
}

/// The text of a collection file after an import: a `.json` array with one record a line,
/// or `.jsonl` lines; records the import does not change keep their bytes.
enum StoreFileText {
    static func render(raw: StoreRawCollection, replacements: [String?], added: [String]) -> [UInt8] {
        var pieces: [[UInt8]] = []
        for (index, record) in raw.records.enumerated() {
            pieces.append(replacements[index].map { Array($0.utf8) } ?? record.text)
        }
        pieces += added.map { Array($0.utf8) }
        var out: [UInt8] = []
        if raw.isLines {
            for piece in pieces {
                out += piece
                out.append(UInt8(ascii: "\n"))
            }
            return out
        }
        out += Array("[\n".utf8)
        for (index, piece) in pieces.enumerated() {
            out += Array("  ".utf8) + piece
            out += Array((index == pieces.count - 1 ? "\n" : ",\n").utf8)
        }
        out += Array("]\n".utf8)
        return out
    }
}
