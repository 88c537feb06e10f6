internal import Foundation

/// Finds a list item indented differently from the items before it in the same list, to name
/// it when libyaml stops with a syntax error somewhere after it ("did not find expected key",
/// "expected <block end>, but found '-'").
///
/// Walks the block lines with a stack of open indentations, as a YAML reader does: a `- ` line
/// deeper than the innermost open block, when the line before does not open one (it does not
/// end with `key:`), or a `- ` line that closes a list whose items were further right and lands
/// where no list was, is out of line with its siblings.
enum YAMLIndentation {
    /// The first misindented list item on a line up to `lastLine` (where libyaml stopped), or
    /// `nil` when every `- ` up to there lines up with its siblings.
    static func misindentedItem(_ text: String, file: String, upTo lastLine: Int) -> Diagnostic? {
        var levels: [(indent: Int, isList: Bool)] = []
        var previousOpens = true
        var blockScalarParent: Int?
        var flowDepth = 0
        for (index, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index >= lastLine { return nil }
            let line = Array(raw.filter { $0 != "\r" })
            let indent = line.prefix { $0 == " " }.count
            if indent == line.count || line[indent] == "#" { continue }
            if let parent = blockScalarParent {
                if indent > parent { continue }
                blockScalarParent = nil
            }
            let content = String(String.UnicodeScalarView(line[indent...]))
            let body = content.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            defer {
                flowDepth += body.filter { $0 == "[" || $0 == "{" }.count - body.filter { $0 == "]" || $0 == "}" }.count
                flowDepth = max(0, flowDepth)
                if body.hasSuffix("|") || body.hasSuffix(">") || body.hasSuffix("|-") || body.hasSuffix(">-") {
                    blockScalarParent = indent
                }
            }
            if flowDepth > 0 { continue }
            let isItem = content == "-" || content.hasPrefix("- ")
            var poppedList: Int?
            while let last = levels.last, last.indent > indent {
                if last.isList { poppedList = last.indent }
                levels.removeLast()
            }
            if isItem {
                let at = SourceLocation(file: file, line: index + 1, column: indent + 1)
                if let top = levels.last, !previousOpens, top.indent < indent || !top.isList,
                    poppedList != nil || (top.isList && top.indent < indent)
                {
                    return Diagnostic(at, message(indent, beside: poppedList))
                }
                if let top = levels.last, top.indent == indent {
                    levels[levels.count - 1].isList = true
                } else {
                    levels.append((indent, true))
                }
                // `- key: value` opens a mapping where its key starts.
                let rest = content.dropFirst(2)
                let key = rest.drop { $0 == " " }
                if let first = key.first, first != "{", first != "[", first != "\"", first != "'", key.contains(": ") || key.hasSuffix(":") {
                    levels.append((indent + 2 + rest.prefix { $0 == " " }.count, false))
                }
            } else if levels.last?.indent != indent {
                levels.append((indent, false))
            }
            previousOpens = body.hasSuffix(":")
        }
        return nil
    }

    /// The message, naming the column of the item before when a deeper list just ended there.
    private static func message(_ indent: Int, beside list: Int?) -> DiagnosticText {
        guard let list else { return DiagnosticText(.listItemIndent, "\(indent)") }
        return DiagnosticText(.listItemIndentBeside, "\(indent)", "\(list + 1)")
    }
}
