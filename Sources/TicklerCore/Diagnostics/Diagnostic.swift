/// One problem found in user input, printed as `FILE:LINE:COLUMN: message`.
///
/// The message is a sentence a manager can act on: what is wrong and, where it helps,
/// what to write instead ("did you mean 'cadence'?").
package struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    package var location: SourceLocation
    package var message: String
    package var severity: Severity

    package init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    package var description: String {
        severity == .warning ? "\(location): warning: \(message)" : "\(location): \(message)"
    }
}

/// Thrown when input has one or more errors; carries all of them, sorted by position.
package struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
