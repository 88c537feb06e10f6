package import TicklerCore
import Foundation

/// Reads a rules file from disk and parses it.
package enum RulesFile {
    /// Why a rules file could not be used.
    package enum Failure: Error, CustomStringConvertible {
        /// The file could not be read (missing, unreadable): a usage/IO problem.
        case unreadable(path: String, reason: String)
        /// The file was read but is invalid: every problem with its position.
        case invalid(DiagnosticsError)

        package var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read the rules file: \(reason)"
            case .invalid(let error): error.description
            }
        }
    }

    /// Loads and validates the rules at `path`; positions in errors name `path` as given.
    /// A file over ``YAMLLimits/maxBytes`` or not UTF-8 is invalid (with its position).
    package static func load(_ path: String) throws(Failure) -> Rules {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path, maxBytes: YAMLLimits().maxBytes)
        } catch {
            throw TextFile.diagnose(error, path: path, what: "rules file")
        }
        do {
            return try RulesParser.parse(text, file: path)
        } catch {
            var error = error
            error.declaredLocale = RulesLocaleScan.declaredLocale(in: text)
            throw .invalid(error)
        }
    }
}
