import Testing
import TicklerCore

/// The YAML layer on its own, read the way another file format (the daemon's `tickler.yaml`)
/// would use it.
@Suite("RulesParser's YAML layer: YAMLDocument and NodeReader for other file formats")
struct RulesParserNodeReaderTests {
    @Test("a config-like file is read with typed accessors and every problem is collected")
    func configLikeFile() throws {
        let text = "rules: /etc/tickler/rules.yaml\ninterval: 5 minutes\nchanels: {}\nretry: yes\n"
        let root = try #require(try YAMLDocument.load(text, file: "tickler.yaml"))
        var reader = NodeReader(file: "tickler.yaml")
        let mapping = reader.mapping(root, in: "the config", allowed: ["rules", "interval", "channels", "retry"])
        let m = try #require(mapping)
        #expect(m.value("rules").flatMap { reader.string($0, "'rules'") } == "/etc/tickler/rules.yaml")
        #expect(m.value("interval").flatMap { reader.duration($0, "'interval'") } == nil)
        #expect(m.value("retry").flatMap { reader.bool($0, "'retry'") } == true)
        #expect(reader.required(m, "channels", example: "{ journal: {} }") == nil)
        // In the order found; finish() sorts them by position.
        #expect(reader.diagnostics.map(\.description) == [
            "tickler.yaml:3:1: unknown key 'chanels' in the config; did you mean 'channels'?",
            "tickler.yaml:2:11: 'interval' must be a duration: a whole number and a unit, 45s, 30m, 2h, 3d, 1w, 5bd; not '5 minutes'",
            "tickler.yaml:1:1: the config is missing 'channels'; add e.g. 'channels: { journal: {} }'",
        ])
        #expect(throws: DiagnosticsError.self) { try reader.finish() }
    }

    @Test("scalar styles and positions are kept; a quoted value's text starts after the quote")
    func scalarStyles() throws {
        let root = try #require(try YAMLDocument.load("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  block\n", file: "f"))
        guard case .mapping(let pairs) = root.content else { Issue.record("not a mapping"); return }
        let styles = pairs.map { pair -> YAMLNode.ScalarStyle? in
            if case .scalar(_, let style) = pair.value.content { return style }
            return nil
        }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal])
        #expect(pairs.map(\.value.location.description) == ["f:1:4", "f:2:4", "f:3:4", "f:4:4"])
    }
}
