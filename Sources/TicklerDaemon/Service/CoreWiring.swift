import Foundation
package import TicklerCore
import TicklerStore

/// The daemon's only calls into the rules parser and the store loader, kept in one place.
package enum CoreWiring {
    /// Reads and parses the rules file at `path`.
    ///
    /// Throws ``DiagnosticsError`` (`FILE:LINE:COLUMN` problems) when it is unreadable or invalid.
    package static func loadRules(_ path: String) throws(DiagnosticsError) -> Rules {
        do {
            return try RulesFile.load(path)
        } catch {
            switch error {
            case .invalid(let diagnostics):
                throw diagnostics
            case .unreadable(_, let reason):
                throw DiagnosticsError([
                    Diagnostic(
                        SourceLocation(file: path, line: 1, column: 1),
                        "cannot read the rules file (\(reason)); check the rules: path in the daemon config")
                ])
            }
        }
    }
}
