internal import Yams

/// Bounds on what ``YAMLDocument/load(_:file:limits:)`` accepts, so that no input, however
/// hostile or broken, can exhaust memory, the stack or the CPU.
package struct YAMLLimits: Sendable, Hashable {
    /// Largest text accepted, in UTF-8 bytes.
    package var maxBytes: Int
    /// Deepest nesting of lists and mappings.
    package var maxDepth: Int
    /// Most scalars, lists and mappings in one document.
    package var maxNodes: Int
    /// After this many refused aliases the rest are not listed.
    package var maxAliasReports: Int

    package init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000, maxAliasReports: Int = 20) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliasReports = maxAliasReports
    }
}

/// A YAML file read into a tree of ``YAMLNode`` that remembers where every node starts.
///
/// The shared first step of every user-edited YAML file (the rules, the daemon's
/// `tickler.yaml`, rule test files): load, then walk the root with a ``NodeReader``.
package enum YAMLDocument {
    /// Parses `text` (one YAML document) and returns its root, or `nil` for an empty document.
    ///
    /// Throws a ``DiagnosticsError`` with `FILE:LINE:COLUMN` positions for a YAML syntax
    /// error, every duplicate key, every alias (`*name`, refused: aliases allow exponential
    /// "billion laughs" documents), nesting or size beyond `limits`, or more than one document.
    package static func load(
        _ text: String, file: String, limits: YAMLLimits = YAMLLimits()
    ) throws(DiagnosticsError) -> YAMLNode? {
        let text = withoutBOM(text)
        let start = SourceLocation(file: file, line: 1, column: 1)
        try prescan(text, file: file, limits: limits)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticsError([diagnostic(error, file: file)])
        } catch {
            throw DiagnosticsError([Diagnostic(start, "the YAML could not be read; check its indentation and quoting")])
        }
        return root.map { convert($0, file: file) }
    }

    /// The checks ``load(_:file:limits:)`` makes before composing: size, keyboard typos,
    /// syntax errors, duplicate keys, aliases (a "billion laughs" document), nesting and node
    /// count, each as a positioned diagnostic that never quotes the file's text.
    package static func prescan(_ text: String, file: String, limits: YAMLLimits = YAMLLimits()) throws(DiagnosticsError) {
        let text = withoutBOM(text)
        if text.utf8.count > limits.maxBytes {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: file, line: 1, column: 1),
                    "the file is larger than \(limits.maxBytes / 1024) KiB; is it the right file?")
            ])
        }
        let problems = YAMLPrescan.check(text, file: file, limits: limits)
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// `text` without the UTF-8 byte order mark Windows editors put at the start of a file.
    package static func withoutBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// Yams' node tree to ours. Recursion depth is bounded by the prescan's `maxDepth`.
    private static func convert(_ node: Node, file: String) -> YAMLNode {
        let at = location(node.mark, file: file)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, style(scalar.style)), location: at)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, file: file) }), location: at)
        case .mapping(let mapping):
            let pairs = mapping.map { YAMLPair(key: convert($0.key, file: file), value: convert($0.value, file: file)) }
            return YAMLNode(.mapping(pairs), location: at)
        case .alias:
            // The prescan refuses aliases; should one slip through, it reads as nothing.
            return YAMLNode(.scalar("", .plain), location: at)
        }
    }

    private static func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
        switch style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        case .any, .plain: .plain
        }
    }

    private static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1))
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(location(mark, file: file), YAMLPrescan.Messages.syntax(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                location(context.mark, file: file),
                "\(duplicates.joined(separator: ", ")) given twice in the same mapping; keep one of each")
        default:
            return Diagnostic(location(nil, file: file), "the YAML could not be read; check its indentation and quoting")
        }
    }
}
