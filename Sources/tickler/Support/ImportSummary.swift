import TicklerCore
import TicklerImport
import TicklerStore

/// The lines `tickler import` prints on standard output: what was read, and what changed.
struct ImportSummary {
    var report: StoreImport.Report
    var collection: StoreCollection
    var file: String
    var store: String
    var dryRun: Bool

    /// Added and changed rows listed by row; the rest are counted.
    static let listed = 50

    var text: String {
        var lines: [String] = []
        let header = report.headerRow ?? 0
        let rows = report.sheet.rows.filter { $0.number > header && !$0.isBlank }.count
        var read = "\(file): \(rows) row\(rows == 1 ? "" : "s")"
        if let header = report.headerRow { read += " below the headers on row \(header)" }
        if let encoding = report.sheet.encoding {
            let sep = report.sheet.separator.map { $0 == "\t" ? "tab" : "'\($0)'" } ?? "?"
            read += ", \(encoding.rawValue), separator \(sep)"
        }
        lines.append(read)
        guard let plan = report.plan else {
            let fix = report.sheet.unclosedQuote == nil ? "fix the headers above" : "close the quote above"
            lines.append("nothing \(dryRun ? "would be" : "was") written: \(fix)")
            return lines.joined(separator: "\n") + "\n"
        }
        let target = "\(store)/\(plan.fileName)"
        var counts: [String] = []
        if collection == .reps || collection == .customers {
            counts = ["\(plan.added) added", "\(plan.changed) changed", "\(plan.unchanged) unchanged"]
        } else {
            counts = ["\(plan.added) added", "\(plan.alreadyThere) already in the store"]
        }
        if plan.bad > 0 { counts.append("\(plan.bad) bad") }
        lines.append("\(collection.rawValue): \(counts.joined(separator: ", "))")
        var listed = 0
        var more = 0
        for row in plan.rows {
            let line: String
            switch row.outcome {
            case .added: line = "  row \(row.row): add \(row.label)"
            case .changed(let fields): line = "  row \(row.row): change \(row.label): \(fields.joined(separator: ", "))"
            default: continue
            }
            if listed < Self.listed {
                lines.append(line)
                listed += 1
            } else {
                more += 1
            }
        }
        if more > 0 { lines.append("  ... and \(more) more") }
        if dryRun {
            lines.append("dry run: nothing was written to \(target)")
        } else if report.wrote {
            lines.append("written to \(target)\(report.hasErrors ? " (bad rows skipped)" : "")")
        } else if report.hasErrors {
            lines.append("nothing was written: fix the rows above, or pass --skip-bad to import the good ones")
        } else {
            lines.append("nothing to write: the store already has every row")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
