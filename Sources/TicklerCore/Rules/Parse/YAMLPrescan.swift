// CYaml is the libyaml that Yams bundles and builds; reading its events directly is the only
// way to see aliases and nesting before Yams composes (and hashes) the tree.
internal import CYaml

/// A pass over libyaml's events, before Yams composes the document, that refuses what could
/// make composing or reading blow up: aliases (a "billion laughs" document expands
/// exponentially when its keys are hashed or its tree is walked), nesting deeper than
/// ``YAMLLimits/maxDepth`` (composing is recursive) and more than ``YAMLLimits/maxNodes`` nodes.
/// It also turns a YAML syntax error into a positioned diagnostic and reports every duplicate
/// key where it is repeated (Yams would stop at the first, at its first occurrence).
enum YAMLPrescan {
    /// The problems found, in file order; empty when the document may be composed.
    static func check(_ text: String, file: String, limits: YAMLLimits) -> [Diagnostic] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "out of memory reading the YAML")]
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return [] }
        let typos = YAMLTypos.check(text, file: file)
        if !typos.isEmpty { return typos }
        return bytes.withUnsafeMutableBufferPointer { buffer -> [Diagnostic] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var problems: [Diagnostic] = []
            var frames: [Frame] = []
            var nodes = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let errorLine = Int(max(parser.problem_mark.line, parser.context_mark.line)) + 1
                    problems.append(
                        YAMLIndentation.misindentedItem(text, file: file, upTo: errorLine)
                            ?? syntaxError(parser, bytes: buffer, file: file))
                    return problems
                }
                defer { yaml_event_delete(&event) }
                let at = location(event.start_mark, file: file)
                let isNode = [YAML_ALIAS_EVENT, YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT]
                    .contains(event.type)
                if isNode, case .mapping(var keys, let expectingKey) = frames.last {
                    if expectingKey, event.type == YAML_SCALAR_EVENT {
                        let key = scalarText(event)
                        if let first = keys[key] {
                            problems.append(Diagnostic(at, Messages.duplicateKey(key, first: first)))
                        } else {
                            keys[key] = at
                        }
                    }
                    frames[frames.count - 1] = .mapping(keys: keys, expectingKey: !expectingKey)
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return problems
                case YAML_ALIAS_EVENT:
                    problems.append(Diagnostic(at, Messages.alias))
                    if problems.count >= limits.maxAliasReports { return problems }
                case YAML_SCALAR_EVENT:
                    nodes += 1
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    nodes += 1
                    frames.append(event.type == YAML_SEQUENCE_START_EVENT ? .sequence : .mapping(keys: [:], expectingKey: true))
                    if frames.count > limits.maxDepth {
                        problems.append(Diagnostic(at, Messages.tooDeep(limits.maxDepth)))
                        return problems
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = frames.popLast()
                default:
                    break
                }
                if nodes > limits.maxNodes {
                    problems.append(Diagnostic(at, Messages.tooManyNodes(limits.maxNodes)))
                    return problems
                }
            }
        }
    }

    /// An open collection: for a mapping, the keys seen so far and whether a key comes next.
    private enum Frame {
        case sequence
        case mapping(keys: [String: SourceLocation], expectingKey: Bool)
    }

    private static func scalarText(_ event: yaml_event_t) -> String {
        guard let value = event.data.scalar.value else { return "" }
        let buffer = UnsafeBufferPointer(start: value, count: Int(event.data.scalar.length))
        return String(decoding: buffer, as: UTF8.self)
    }

    private static func location(_ mark: yaml_mark_t, file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func syntaxError(
        _ parser: yaml_parser_t, bytes: UnsafeMutableBufferPointer<UInt8>, file: String
    ) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let at: SourceLocation
        if parser.error == YAML_READER_ERROR {
            at = location(ofByte: Int(parser.problem_offset), in: bytes, file: file)
        } else {
            at = location(parser.problem_mark, file: file)
        }
        var context = ""
        if let text = parser.context {
            let mark = parser.context_mark
            context = " (\(String(cString: text)) started at line \(mark.line + 1), column \(mark.column + 1))"
        }
        if problem.hasPrefix("found character that cannot start any token") {
            return Diagnostic(at, Messages.cannotStart(character(at: at, in: bytes)))
        }
        return Diagnostic(at, Messages.syntax(problem + context))
    }

    /// The character at a libyaml position (line and column in Unicode scalars).
    private static func character(at location: SourceLocation, in bytes: UnsafeMutableBufferPointer<UInt8>) -> String {
        let lines = String(decoding: bytes, as: UTF8.self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line - 1 < lines.count else { return "" }
        let scalars = Array(lines[location.line - 1])
        let index = (location.column ?? 1) - 1
        return index < scalars.count ? String(scalars[index]) : ""
    }

    /// Line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    private static func location(
        ofByte offset: Int, in bytes: UnsafeMutableBufferPointer<UInt8>, file: String
    ) -> SourceLocation {
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    enum Messages {
        static let alias =
            "YAML aliases (*name) are not allowed in this file; write the value out in full instead"
        static func tooDeep(_ limit: Int) -> String {
            "the YAML nests deeper than \(limit) levels; this file never needs that, check the brackets and indentation"
        }
        static func tooManyNodes(_ limit: Int) -> String {
            "the YAML has more than \(limit) values; this file is far larger than any rules file should be"
        }
        static func duplicateKey(_ key: String, first: SourceLocation) -> String {
            "'\(NodeReader.clip(key))' is given twice in the same mapping (first at line \(first.line)); keep one of them"
        }
        static func cannotStart(_ character: String) -> String {
            switch character {
            case "\t": "a tab here; tabs are not allowed in YAML: use spaces"
            case "": "a character here cannot start a value; put the value in quotes"
            default: "'\(character)' cannot start a value in YAML; put the whole value in quotes (\"\(character)...\")"
            }
        }
        static func syntax(_ problem: String) -> String {
            "YAML syntax error: \(problem); check the indentation, colons and quotes on this line and the one before"
        }
    }
}
