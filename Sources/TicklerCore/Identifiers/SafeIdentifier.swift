/// A store identifier (a rep id, a customer id) checked to be safe as one file-name
/// component and inside a header value or a log field.
///
/// Identifiers come from the CRM export, which the daemon does not control: `../x` or `a/b`
/// as a file name would leave the intended folder, and a CR or LF in a header would start a
/// new header. Build one with ``init(validating:)`` right where an identifier becomes a path
/// or a header; the refusal says what is wrong without echoing control characters.
///
/// Accepted: 1 to ``maxLength`` UTF-8 bytes, no control characters (``IdentifierText/isControl(_:)``),
/// no `/` or `\`, not `.` or `..`, not starting with `.` (a hidden file) or `-` (read as an
/// option by a command). Anything else, including non-ASCII letters, is kept as it is.
package struct SafeIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Longest identifier accepted, in UTF-8 bytes (a file name may have 255).
    package static let maxLength = 128

    /// The identifier, unchanged.
    package let value: String

    /// Checks `text`; throws ``IdentifierProblem`` naming `what` it is ("rep id") when it is unsafe.
    package init(validating text: String, what: String = "identifier") throws(IdentifierProblem) {
        if let problem = SafeIdentifier.problem(with: text, what: what) { throw problem }
        value = text
    }

    /// `nil` when `text` is unsafe.
    package init?(_ text: String) {
        guard SafeIdentifier.problem(with: text, what: "identifier") == nil else { return nil }
        value = text
    }

    /// What is wrong with `text` as an identifier, or `nil` when it is safe.
    package static func problem(with text: String, what: String = "identifier") -> IdentifierProblem? {
        let shown = IdentifierText.quoted(text)
        if text.isEmpty { return IdentifierProblem(.empty, "the \(what) is empty") }
        if text.utf8.count > maxLength {
            return IdentifierProblem(.tooLong, "the \(what) \(shown) is longer than \(maxLength) bytes")
        }
        if text.unicodeScalars.contains(where: IdentifierText.isControl) {
            return IdentifierProblem(
                .controlCharacter, "the \(what) \(shown) holds a control character (a line break, tab or NUL); remove it")
        }
        if text.contains("/") || text.contains("\\") {
            return IdentifierProblem(
                .pathSeparator, "the \(what) \(shown) holds '/' or '\\', which would make it a path; use another separator")
        }
        if text == "." || text == ".." {
            return IdentifierProblem(.dotName, "the \(what) \(shown) names a folder, not a file")
        }
        if text.hasPrefix(".") {
            return IdentifierProblem(.dotName, "the \(what) \(shown) starts with '.', which would make a hidden file")
        }
        if text.hasPrefix("-") {
            return IdentifierProblem(.leadingDash, "the \(what) \(shown) starts with '-', which commands read as an option")
        }
        return nil
    }

    package var description: String { value }

    package static func < (a: SafeIdentifier, b: SafeIdentifier) -> Bool { a.value < b.value }
}
