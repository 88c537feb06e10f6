import Foundation
package import TicklerCore
import TicklerDelivery
import TicklerStore

/// Rules as loaded for the daemon: the parsed rules and the version of the bytes parsed.
package struct LoadedRules: Sendable {
    package var rules: Rules
    /// A short hash of the very bytes the parser read (the `rules_version` of webhook
    /// payloads): a file changed after it was read cannot give the rules another version.
    package var version: String

    package init(rules: Rules, version: String) {
        self.rules = rules
        self.version = version
    }
}

/// The daemon's only calls into the rules parser and the store loader, kept in one place.
package enum CoreWiring {
    /// Reads and parses the rules file at `path`, once: the version hashes the text parsed.
    ///
    /// Throws ``DiagnosticsError`` (`FILE:LINE:COLUMN` problems) when it is unreadable or invalid.
    package static func loadRules(_ path: String) throws(DiagnosticsError) -> LoadedRules {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path, maxBytes: YAMLLimits().maxBytes)
        } catch {
            switch TextFile.diagnose(error, path: path, what: "rules file") {
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
        let rules = try RulesParser.parse(text, file: path)
        return LoadedRules(rules: rules, version: WebhookPayload.rulesVersion(of: Data(text.utf8)))
    }
}
