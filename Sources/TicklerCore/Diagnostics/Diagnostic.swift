/// One problem found in user input, printed as `FILE:LINE:COLUMN: message`.
///
/// The message is a sentence a manager can act on: what is wrong and, where it helps,
/// what to write instead ("did you mean 'cadence'?"). `message` is English (logs, JSON);
/// a diagnostic made from a ``DiagnosticText`` also prints in the manager's language
/// (``description(in:)``), one without prints its English message in every language.
package struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    package var location: SourceLocation
    package private(set) var message: String
    package var severity: Severity
    /// The key and values of the message, when it has a translation.
    package private(set) var text: DiagnosticText?

    package init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    /// A diagnostic whose message is `text`: English in `message`, translatable on output.
    package init(_ location: SourceLocation, _ text: DiagnosticText, severity: Severity = .error) {
        self.init(location, text.english, severity: severity)
        self.text = text
    }

    /// Equal when position, English message and severity are (the key follows the message).
    package static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.location == b.location && a.message == b.message && a.severity == b.severity
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(message)
        hasher.combine(severity)
    }

    package var description: String { description(in: .en) }

    /// `FILE:LINE:COLUMN: message` with the message in `locale`, or in English when it has no
    /// translation; the position and `warning:` are the same in every language.
    package func description(in locale: NoticeLocale) -> String {
        let message = text?.text(in: locale) ?? message
        return severity == .warning ? "\(location): warning: \(message)" : "\(location): \(message)"
    }
}

/// Thrown when input has one or more errors; carries all of them, sorted by position.
package struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    /// The `locale:` the file asks for, when it could be seen despite the errors: the
    /// language to print them in for its manager (``RulesLocaleScan``).
    package var declaredLocale: NoticeLocale?

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    package var description: String { description(in: .en) }

    /// Every diagnostic, one a line, in `locale` (see ``Diagnostic/description(in:)``).
    package func description(in locale: NoticeLocale) -> String {
        diagnostics.map { $0.description(in: locale) }.joined(separator: "\n")
    }
}
