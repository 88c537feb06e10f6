import Foundation
package import TicklerCore

/// The daemon's only calls into the rules parser and the store loader, kept in one place.
package enum CoreWiring {
    /// Reads and parses the rules file at `path`.
    ///
    /// Throws ``DiagnosticsError`` (`FILE:LINE:COLUMN` problems) when it is unreadable or invalid.
    package static func loadRules(_ path: String) throws(DiagnosticsError) -> Rules {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: path, line: 1, column: 1),
                    "cannot read the rules file; check the rules: path in the daemon config")
            ])
        }
        return try RulesParser.parse(text, file: path)
    }

    /// Reads the store directory into a snapshot; bad records come back as diagnostics.
    ///
    /// Throws when the store directory itself cannot be read.
    package static func loadStore(_ directory: String, rules: Rules) throws -> (Snapshot, [Diagnostic]) {
        let load = try StoreLoader(directory: directory, zone: rules.zone, classes: rules.classes).load()
        return (load.snapshot, load.diagnostics)
    }
}

// MARK: - TEMPORARY SHIM: delete when main has RulesParser and StoreLoader (git merge main).

import Yams

private enum RulesParser {
    static func parse(_ text: String, file: String) throws(DiagnosticsError) -> Rules {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _) {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), problem)])
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "\(error)")])
        }
        guard let zoneName = node?["timezone"]?.string, let zone = Zone(identifier: zoneName) else {
            throw DiagnosticsError([
                Diagnostic(SourceLocation(file: file, line: 1, column: 1), "missing or unknown timezone:")
            ])
        }
        return Rules(file: file, zone: zone)
    }
}

private struct StoreLoad {
    var snapshot: Snapshot
    var diagnostics: [Diagnostic]
}

private struct StoreLoader {
    var directory: String
    var zone: Zone
    var classes: [String]

    func load() throws -> StoreLoad {
        _ = try FileManager.default.contentsOfDirectory(atPath: directory)
        return StoreLoad(snapshot: Snapshot(), diagnostics: [])
    }
}
