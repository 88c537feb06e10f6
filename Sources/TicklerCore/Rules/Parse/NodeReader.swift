internal import Foundation

/// Reads a ``YAMLNode`` tree strictly and keeps going after a problem, so that one run
/// reports every problem of a file.
///
/// Each accessor returns the typed value, or `nil` after recording a diagnostic at the
/// offending node; callers skip what is `nil` and carry on. At the end, ``finish()`` throws
/// all the diagnostics at once. Used for the rules file and meant for every user-edited
/// YAML file (the daemon config, rule test files).
///
/// `what` arguments name the value as the user wrote it, e.g. `'fine'` or `'cadence' of A`;
/// they are put into messages as given.
package struct NodeReader: Sendable {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []

    package init(file: String) {
        self.file = file
    }

    /// True when no error has been recorded yet (warnings do not count).
    package var isClean: Bool { !diagnostics.contains { $0.severity == .error } }

    /// Records a problem; `message` should say what is wrong and what to write instead.
    package mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    /// Records a problem whose message has a translation (``DiagnosticText``).
    package mutating func error(_ location: SourceLocation, _ text: DiagnosticText) {
        diagnostics.append(Diagnostic(location, text))
    }

    /// Records something that is allowed but probably not meant; it does not make the file
    /// invalid and is printed by `tickler check`.
    package mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message, severity: .warning))
    }

    /// The warnings recorded so far, sorted by position.
    package var warnings: [Diagnostic] {
        DiagnosticsError(diagnostics.filter { $0.severity == .warning }).diagnostics
    }

    /// Throws every recorded diagnostic (warnings too), sorted by position, when there is an
    /// error; returns when there is none.
    package func finish() throws(DiagnosticsError) {
        if !isClean { throw DiagnosticsError(diagnostics) }
    }

    /// Where the document starts (for problems of the file as a whole).
    package var fileStart: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    // MARK: Structure

    /// The node as a mapping whose keys are all in `allowed`. An unknown key is reported with
    /// a "did you mean" (or the list of allowed keys) and left out of the result; a node that
    /// is not a mapping is reported and gives `nil`.
    package mutating func mapping(_ node: YAMLNode, in context: String, allowed: [String]) -> YAMLMapping? {
        guard case .mapping(let pairs) = node.content else {
            error(node.location, DiagnosticText(.notMapping, [.name(context), node.kindValue]))
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.content else {
                error(pair.key.location, "a key in \(context) must be a plain name, not \(pair.key.kindDescription)")
                continue
            }
            guard allowed.contains(key) else {
                error(pair.key.location, Self.unknownKey(key, in: context, allowed: allowed))
                continue
            }
            entries.append(YAMLMapping.Entry(key: key, keyLocation: pair.key.location, value: pair.value))
        }
        return YAMLMapping(entries: entries, location: node.location, context: context)
    }

    /// The value of a key that must be present and not null; records "missing" at the mapping.
    package mutating func required(_ mapping: YAMLMapping, _ key: String, example: String) -> YAMLNode? {
        if let node = mapping.value(key) { return node }
        if let entry = mapping.entries.first(where: { $0.key == key }) {
            error(entry.value.location, DiagnosticText(.keyNeedsValue, key, mapping.context, example))
        } else {
            error(mapping.location, DiagnosticText(.missingKey, mapping.context, key, example))
        }
        return nil
    }

    /// The elements of a list. A single scalar is accepted as a one-element list when
    /// `allowSingle` is set (`notify: manager`).
    package mutating func list(_ node: YAMLNode, _ what: String, allowSingle: Bool = false) -> [YAMLNode]? {
        switch node.content {
        case .sequence(let items):
            return items
        case .scalar where allowSingle && !node.isNull:
            return [node]
        default:
            error(node.location, DiagnosticText(.notList, [.name(what), node.kindValue]))
            return nil
        }
    }

    // MARK: Scalars

    /// The text of a scalar (any quoting). Null or empty text is an error unless `allowEmpty`.
    package mutating func string(_ node: YAMLNode, _ what: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let text, _) = node.content else {
            error(node.location, DiagnosticText(.notText, [.name(what), node.kindValue]))
            return nil
        }
        if !allowEmpty, node.isNull || text.trimmingCharacters(in: .whitespaces).isEmpty {
            error(node.location, DiagnosticText(.emptyValue, what))
            return nil
        }
        return text
    }

    /// A whole number within `range` (written plain or quoted; `+`/`-` sign allowed).
    package mutating func int(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int> = -999_999_999...999_999_999)
        -> Int?
    {
        guard let text = scalarText(node, what, expected: .aWholeNumber) else { return nil }
        guard let value = Self.parseInt(text) else {
            error(node.location, DiagnosticText(.notWholeNumber, what, Self.clip(text)))
            return nil
        }
        return check(value, in: range, node: node, what: what)
    }

    /// Whether `value` lies in `range`; records a message saying which bound was crossed.
    package mutating func check<T: Comparable & CustomStringConvertible>(
        _ value: T, in range: ClosedRange<T>, node: YAMLNode, what: String
    ) -> T? {
        if value < range.lowerBound {
            error(node.location, DiagnosticText(.atLeast, what, "\(range.lowerBound)", "\(value)"))
            return nil
        }
        if value > range.upperBound {
            error(node.location, DiagnosticText(.atMost, what, "\(range.upperBound)", "\(value)"))
            return nil
        }
        return value
    }

    /// `true` or `false` (also `yes`/`no`).
    package mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let text = scalarText(node, what, expected: .trueOrFalse) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node.location, DiagnosticText(.notTrueFalse, what, Self.clip(text)))
            return nil
        }
    }

    /// One of `choices` (exact spelling); otherwise "unknown KIND 'x'; did you mean 'y'?"
    /// or the list of choices.
    package mutating func choice(_ node: YAMLNode, kind: String, among choices: [String]) -> String? {
        guard let text = scalarText(node, kind, expected: .aName) else { return nil }
        if choices.contains(text) { return text }
        if kind == "class" {
            error(node.location, Self.unknownClass(text, allowed: choices))
        } else {
            error(node.location, Self.unknown(kind, text, in: nil, allowed: choices))
        }
        return nil
    }

    /// A case of a string-backed enum, by its raw value; see ``choice(_:kind:among:)``.
    package mutating func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, kind: String, as type: E.Type)
        -> E? where E.RawValue == String
    {
        choice(node, kind: kind, among: E.allCases.map(\.rawValue)).flatMap(E.init(rawValue:))
    }

    // MARK: Helpers

    /// The text of a scalar that must hold a value of some type; records an error for a
    /// list, mapping or null.
    package mutating func scalarText(_ node: YAMLNode, _ what: String, expected: String) -> String? {
        guard case .scalar(let text, _) = node.content, !node.isNull else {
            error(node.location, "\(what) must be \(expected), not \(node.kindDescription)")
            return nil
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// As ``scalarText(_:_:expected:)-(_,_,String)``, with what was expected as a translated phrase.
    package mutating func scalarText(_ node: YAMLNode, _ what: String, expected: DiagnosticText.Phrase) -> String? {
        guard case .scalar(let text, _) = node.content, !node.isNull else {
            error(node.location, DiagnosticText(.mustBe, [.name(what), .phrase(expected), node.kindValue]))
            return nil
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// "unknown key 'cadance' in 'followup'; did you mean 'cadence'?" or, with no near name,
    /// the allowed names.
    package static func unknown(_ kind: String, _ name: String, in context: String?, allowed: [String]) -> String {
        let place = context.map { " in \($0)" } ?? ""
        if let near = suggestion(for: name, among: allowed) {
            return "unknown \(kind) '\(clip(name))'\(place); did you mean '\(near)'?"
        }
        return "unknown \(kind) '\(clip(name))'\(place); use one of: \(allowed.joined(separator: ", "))"
    }

    /// ``unknown(_:_:in:allowed:)`` for a key of a mapping, as a translated message whose
    /// did-you-mean is part of the sentence in each language.
    package static func unknownKey(_ name: String, in context: String, allowed: [String]) -> DiagnosticText {
        if let near = suggestion(for: name, among: allowed) {
            return DiagnosticText(.unknownKeyNear, clip(name), context, near)
        }
        return DiagnosticText(.unknownKeyList, clip(name), context, allowed.joined(separator: ", "))
    }

    /// ``unknown(_:_:in:allowed:)`` for a customer class, as a translated message.
    package static func unknownClass(_ name: String, allowed: [String]) -> DiagnosticText {
        if let near = suggestion(for: name, among: allowed) {
            return DiagnosticText(.unknownClassNear, clip(name), near)
        }
        return DiagnosticText(.unknownClassList, clip(name), allowed.joined(separator: ", "))
    }

    /// The allowed name `name` most likely stands for: a near spelling (for names of three
    /// or more letters; `D` is not a misspelling of `A`), a different case, or a prefix
    /// (`monthly` for `month`).
    package static func suggestion(for name: String, among allowed: [String]) -> String? {
        if let same = allowed.first(where: { $0.lowercased() == name.lowercased() }) { return same }
        if let near = NearestName.suggestion(for: name, among: allowed.filter { $0.count >= 3 }) { return near }
        return allowed.filter { $0.count >= 3 && name.lowercased().hasPrefix($0.lowercased()) }.max { $0.count < $1.count }
    }

    /// A user's text shortened for a message (first 40 characters, one line).
    package static func clip(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let multiline = line.count != text.count
        return line.count > 40 ? String(line.prefix(40)) + "..." : (multiline ? line + "..." : line)
    }

    static func parseInt(_ text: String) -> Int? {
        var digits = Substring(text)
        var sign = 1
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else { return nil }
        return sign * value
    }
}
