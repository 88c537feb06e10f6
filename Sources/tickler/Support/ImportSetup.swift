import ArgumentParser
import Foundation
import TicklerCore
import TicklerImport
import TicklerStore

/// What `import` and `record` share: the rules' zone and classes, and the mapping file.
enum ImportSetup {
    /// An import of `file` into `collection`, with the mapping file and rules read (exit 1
    /// when either is invalid, each problem printed; 2 when unreadable).
    static func job(collection: StoreCollection, file: String, store: String, map: String?, rules: String?) throws -> StoreImport {
        let (zone, classes) = try zoneAndClasses(rules)
        var mapping = ImportMapping()
        if let map {
            let text: String
            do throws(TextFile.Failure) {
                text = try TextFile.read(map, maxBytes: 1 << 20)
            } catch {
                Inputs.warn(TextFile.diagnostic(error, path: map, what: "mapping file").description)
                if case .unreadable = error { throw ExitCode(2) }
                throw ExitCode(1)
            }
            do throws(DiagnosticsError) {
                mapping = try ImportMappingParser.parse(
                    text, file: map, collection: collection.rawValue,
                    fields: collection.requiredFields + collection.optionalFields)
            } catch {
                for diagnostic in error.diagnostics { Inputs.warn(diagnostic.description) }
                Inputs.warn("\(map): \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"); nothing was imported")
                throw ExitCode(1)
            }
        }
        return StoreImport(collection: collection, sheetPath: file, store: store, mapping: mapping, zone: zone, classes: classes)
    }

    /// The rules' zone and classes, or the machine's zone and any class without rules.
    static func zoneAndClasses(_ rules: String?) throws -> (Zone, [String]) {
        guard let rules else { return (Zone(TimeZone.current), []) }
        let loaded = try Inputs.rules(rules)
        return (loaded.zone, loaded.classes)
    }

    /// `,`, `;`, `tab` or a tab character.
    static func separator(_ text: String) throws -> Character {
        switch text {
        case ",", ";": return text.first!
        case "\t", "tab", "\\t": return "\t"
        default: throw ValidationError("--separator must be , ; or tab, not '\(text)'")
        }
    }
}
