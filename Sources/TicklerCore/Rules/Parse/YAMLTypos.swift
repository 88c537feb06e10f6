/// The YAML mistakes a manager makes at the keyboard, found line by line before libyaml
/// reads the file, so each is named at its own line and column with the character to type
/// instead of libyaml's "found character that cannot start any token" a line later:
/// a tab (or a full-width space) in the indentation, full-width punctuation from a Chinese or
/// Japanese input method (`：` `，` `“”` `［］`) where YAML needs the ASCII character, and a
/// key without a space after its colon (`cadence:7d`).
///
/// Text inside quotes, comments and block scalars (`|`, `>`) is never looked at, so a
/// full-width comma inside a message stays allowed.
enum YAMLTypos {
    /// The mistakes found, in file order.
    static func check(_ text: String, file: String) -> [Diagnostic] {
        scan(text, file: file).problems
    }

    /// `text` with each mistake found put right (the ASCII character for a full-width one, a
    /// space after a colon), so that the rest of the file can be checked in the same run; `nil`
    /// when there is no mistake, or one that cannot be put right without a guess (a tab or a
    /// full-width space in the indentation: how deep it was meant is unknown).
    static func repaired(_ text: String) -> String? {
        let result = scan(text, file: "")
        guard !result.problems.isEmpty, result.fixes.count == result.problems.count else { return nil }
        // Columns count scalars with the "\r"s dropped, as the scan does.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.filter { $0 != "\r" }) }
        for fix in result.fixes {
            switch fix.edit {
            case .replace(let ascii):
                lines[fix.line][fix.column] = ascii
                // An opening curly quote has its closing one later on the line: both become ASCII.
                let closing: Set<Unicode.Scalar> = ascii == "\"" ? ["\u{201C}", "\u{201D}", "\u{FF02}"] : ascii == "'" ? ["\u{2018}", "\u{2019}"] : []
                if let end = lines[fix.line][(fix.column + 1)...].firstIndex(where: closing.contains) {
                    lines[fix.line][end] = ascii
                }
                // `key：value` becomes `key: value`, not a colon without its space.
                if ascii == ":", fix.column + 1 < lines[fix.line].count, lines[fix.line][fix.column + 1] != " " {
                    lines[fix.line].insert(" ", at: fix.column + 1)
                }
            case .insertSpace: lines[fix.line].insert(" ", at: fix.column)
            }
        }
        var out = String.UnicodeScalarView()
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append("\n") }
            out.append(contentsOf: line)
        }
        return String(out)
    }

    /// How a mistake is put right: the character at a column replaced, or a space inserted.
    private enum Edit {
        case replace(Unicode.Scalar)
        case insertSpace
    }

    /// A repair at a 0-based line and column (in scalars).
    private struct Fix {
        var line: Int
        var column: Int
        var edit: Edit
    }

    private static func scan(_ text: String, file: String) -> (problems: [Diagnostic], fixes: [Fix]) {
        var problems: [Diagnostic] = []
        var fixes: [Fix] = []
        var flow = FlowState()
        var blockScalarParent: Int?
        // Split on scalars: a CRLF (Windows) is one Character, so splitting the String on "\n" would not.
        for (index, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.filter { $0 != "\r" })
            let at = { (column: Int) in SourceLocation(file: file, line: index + 1, column: column + 1) }
            let indent = line.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.count
            let isBlank = indent == line.count || line[indent] == "#"
            if let parent = blockScalarParent {
                if isBlank || indent > parent { continue }
                blockScalarParent = nil
            }
            if isBlank { continue }
            if let tab = line.prefix(indent).firstIndex(of: "\t") {
                problems.append(Diagnostic(at(tab), DiagnosticText(.tabIndent)))
            } else if let wide = line.prefix(indent).firstIndex(of: "\u{3000}") {
                problems.append(Diagnostic(at(wide), DiagnosticText(.fullWidthSpaceIndent)))
            }
            var scan = LineScan(line: line, start: indent, flow: flow)
            scan.run { column, message, edit in
                problems.append(Diagnostic(at(column), message))
                if let edit { fixes.append(Fix(line: index, column: column, edit: edit)) }
            }
            flow = scan.flow
            if scan.opensBlockScalar { blockScalarParent = indent }
        }
        return (problems, fixes)
    }

    /// Full-width characters and the ASCII character YAML needs in their place.
    static let fullWidth: [Unicode.Scalar: (name: DiagnosticText.Phrase, ascii: String)] = [
        "\u{FF1A}": (.fullWidthColon, ":"), "\u{FF0C}": (.fullWidthComma, ","),
        "\u{3001}": (.ideographicComma, ","), "\u{201C}": (.curlyQuote, "\""), "\u{201D}": (.curlyQuote, "\""),
        "\u{2018}": (.curlyQuote, "'"), "\u{2019}": (.curlyQuote, "'"), "\u{FF02}": (.fullWidthQuote, "\""),
        "\u{FF3B}": (.fullWidthBracket, "["), "\u{FF3D}": (.fullWidthBracket, "]"),
        "\u{FF5B}": (.fullWidthBrace, "{"), "\u{FF5D}": (.fullWidthBrace, "}"), "\u{FF0D}": (.fullWidthHyphen, "-"),
    ]

    /// The open `[` and `{` (a flow collection may span lines), and whether a key of a flow
    /// mapping comes next (after `{` or a `,` inside `{...}`).
    private struct FlowState {
        var open: [Unicode.Scalar] = []
        var expectsKey = false
    }

    /// One line, scanned left to right outside quotes and comments.
    private struct LineScan {
        let line: [Unicode.Scalar]
        let start: Int
        var flow: FlowState
        var opensBlockScalar = false
        private var flowDepth: Int { flow.open.count }

        init(line: [Unicode.Scalar], start: Int, flow: FlowState) {
            self.line = line
            self.start = start
            self.flow = flow
        }

        mutating func run(_ report: (Int, DiagnosticText, Edit?) -> Void) {
            var i = start
            var tokenStart = true  // at the start of a key or value: a quote here opens a string
            var keyPosition = flowDepth == 0  // nothing but a key-like word seen yet on this line
            if flowDepth == 0, i + 1 < line.count, line[i] == "-", line[i + 1] == " " { i += 2 }
            while i < line.count {
                let c = line[i]
                if c == " " {
                    i += 1
                    continue
                }
                if c == "#", i == 0 || line[i - 1] == " " { return }
                if tokenStart, c == "\"" || c == "'" {
                    i = closingQuote(c, from: i + 1)
                    tokenStart = false
                    keyPosition = false
                    continue
                }
                if let wide = YAMLTypos.fullWidth[c], isMistake(c, tokenStart: tokenStart, keyPosition: keyPosition) {
                    let key: DiagnosticText.Key = wide.ascii == "\"" || wide.ascii == "'" ? .fullWidthQuote : .fullWidthCharacter
                    report(i, DiagnosticText(key, [.phrase(wide.name), .text(String(c)), .text(wide.ascii)]),
                        wide.ascii.unicodeScalars.first.map(Edit.replace))
                    return
                }
                if tokenStart, isKeyStart(c), let colon = missingSpaceColon(from: i, flowKey: flow.expectsKey) {
                    let key = String(String.UnicodeScalarView(line[i..<colon]))
                    report(colon + 1, DiagnosticText(.missingSpaceAfterColon, key), .insertSpace)
                    return
                }
                flow.expectsKey = false
                switch c {
                case "[", "{":
                    if tokenStart || flowDepth > 0 {
                        flow.open.append(c)
                        flow.expectsKey = c == "{"
                    }
                    tokenStart = true
                case "]", "}":
                    _ = flow.open.popLast()
                    tokenStart = false
                case ",":
                    tokenStart = flowDepth > 0
                    flow.expectsKey = flow.open.last == "{"
                case ":" where i + 1 == line.count || line[i + 1] == " ":
                    tokenStart = true
                    keyPosition = false
                    if flowDepth == 0, isBlockScalarIndicator(after: i + 1) { opensBlockScalar = true }
                case "-" where tokenStart && (i + 1 == line.count || line[i + 1] == " "):
                    tokenStart = true
                default:
                    tokenStart = false
                    if !(c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-") { keyPosition = false }
                }
                i += 1
            }
        }

        /// A full-width character is a mistake where YAML gives the ASCII one a meaning: a
        /// colon after a key, a comma or bracket inside `[...]`/`{...}`, a quote or bracket that
        /// starts a value.
        private func isMistake(_ c: Unicode.Scalar, tokenStart: Bool, keyPosition: Bool) -> Bool {
            switch c {
            case "\u{FF1A}": return keyPosition || flowDepth > 0
            case "\u{FF0C}", "\u{3001}", "\u{FF3D}", "\u{FF5D}": return flowDepth > 0
            case "\u{FF0D}": return tokenStart && flowDepth == 0 && keyPosition
            default: return tokenStart
            }
        }

        private func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
        }

        /// The index of the colon of `key:value` starting at `i`, when a key-like word is
        /// followed by a colon and then directly by a value (not a space, the `/` of a URL or a `\\`).
        private func missingSpaceColon(from i: Int, flowKey: Bool) -> Int? {
            var j = i
            while j < line.count, isKeyStart(line[j]) || ("0"..."9").contains(line[j]) || line[j] == "-" { j += 1 }
            guard j < line.count, line[j] == ":", j + 1 < line.count else { return nil }
            let next = line[j + 1]
            if next == " " || next == "/" || next == "\\" || next == ":" { return nil }
            // Only where YAML would read a key: at the start of the line's content, or in a flow mapping.
            return (flowDepth == 0 && (i == start || (i == start + 2 && line[start] == "-"))) || flowKey ? j : nil
        }

        private func closingQuote(_ quote: Unicode.Scalar, from i: Int) -> Int {
            var j = i
            while j < line.count {
                if quote == "\"", line[j] == "\\" {
                    j += 2
                    continue
                }
                if line[j] == quote {
                    if quote == "'", j + 1 < line.count, line[j + 1] == "'" {
                        j += 2
                        continue
                    }
                    return j + 1
                }
                j += 1
            }
            return j
        }

        private func isBlockScalarIndicator(after i: Int) -> Bool {
            let rest = line[i...].drop { $0 == " " }
            guard let first = rest.first, first == "|" || first == ">" else { return false }
            let tail = rest.dropFirst().prefix { $0 != "#" }
            return tail.allSatisfy { $0 == "+" || $0 == "-" || $0 == " " || ("1"..."9").contains($0) }
        }
    }
}
