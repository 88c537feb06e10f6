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
    package static func load(_ path: String) throws(Failure) -> Rules {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: IOText.reason(error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(
                DiagnosticsError([
                    Diagnostic(SourceLocation(file: path, line: 1, column: 1), "the file is not UTF-8 text; save it as UTF-8")
                ]))
        }
        do {
            return try RulesParser.parse(text, file: path)
        } catch {
            throw .invalid(error)
        }
    }
}
