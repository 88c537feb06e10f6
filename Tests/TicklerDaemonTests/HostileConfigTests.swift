import Foundation
import Testing
import TicklerCore
import TicklerDaemon

/// Hostile daemon configs (docs/reliability.md): refused at FILE:LINE:COLUMN, and a secret
/// never appears in what the parser reports (it goes to stderr and the journal).
@Suite("Daemon config: hostile input and secrets")
struct HostileConfigTests {
    static let secret = "hunter2-S3CRET-7f3a9c"

    static func problems(_ text: String, file: String = "/etc/tickler/tickler.yaml") -> [String] {
        do {
            _ = try DaemonConfigParser.parse(text, file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tickler-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a billion-laughs alias bomb is refused at its first alias, without expanding it")
    func aliasBomb() {
        var text = "rules: r.yaml\nstore: s\nstate: t\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        text += "{ *i : 1 }: boom\n"
        let problems = Self.problems(text)
        #expect(problems.first?.hasPrefix("/etc/tickler/tickler.yaml:5:8: YAML aliases (*name) are not allowed") == true, "\(problems)")
    }

    static let hostileCases: [String: (text: String, prefix: String)] = [
        "100,000 open brackets": (
            "rules: r.yaml\nstore: s\nstate: t\nchannels: " + String(repeating: "[", count: 100_000), "/etc/tickler/tickler.yaml:4:"
        ),
        "100 nested mappings": (
            "rules: r.yaml\nstore: s\nstate: t\nchannels: " + String(repeating: "{a: ", count: 100) + "1"
                + String(repeating: "}", count: 100), "/etc/tickler/tickler.yaml:4:"
        ),
        "a NUL byte": (
            "rules: r.yaml\nstore: s\u{0}\nstate: t\n",
            "/etc/tickler/tickler.yaml:2:9: YAML syntax error: control characters are not allowed"
        ),
        "a duplicate key": (
            "rules: r.yaml\nstore: s\nstate: t\nstore: u\n",
            "/etc/tickler/tickler.yaml:4:1: 'store' is given twice in the same mapping (first at line 2)"
        ),
    ]

    @Test("deep nesting, NUL bytes and duplicate keys are refused with positions", arguments: hostileCases.keys.sorted())
    func hostile(name: String) throws {
        let input = try #require(Self.hostileCases[name])
        let problems = Self.problems(input.text)
        #expect(problems.first?.hasPrefix(input.prefix) == true, "\(problems)")
    }

    @Test("errors in a config that names a secret file never show the secret")
    func secretFileNotRead() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.secret.write(toFile: dir + "/webhook.secret", atomically: true, encoding: .utf8)
        let text = """
            rules: r.yaml
            store: s
            state: t
            intervall: 5m
            channels:
              webhook:
                url: ftp://hooks.example.com/tickler
                format: slak
                secret: { file: webhook.secret }
            """
        try text.write(toFile: dir + "/tickler.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticsError.self) { try DaemonConfigParser.load(dir + "/tickler.yaml") }
        #expect(error.diagnostics.count == 3)
        #expect(!error.description.contains(Self.secret))
    }

    @Test("a config line holding a secret and a bad character is reported without quoting the line", arguments: [
        "a control character", "an unclosed quote", "an unclosed bracket", "a tab", "an alias",
    ])
    func secretLineNotQuoted(kind: String) throws {
        let lines = [
            "a control character": "token: \(Self.secret)\u{1}\n",
            "an unclosed quote": "token: \"\(Self.secret)\n",
            "an unclosed bracket": "token: [\(Self.secret)\n",
            "a tab": "\t\(Self.secret): 1\n",
            "an alias": "x: &a \(Self.secret)\ny: *a\n",
        ]
        let problems = Self.problems("rules: r.yaml\nstore: s\nstate: t\n" + (try #require(lines[kind])))
        #expect(!problems.isEmpty)
        for problem in problems {
            #expect(!problem.contains(Self.secret), "\(problem)")
        }
    }

    @Test("a secret file given as the config itself is refused without echoing it")
    func secretAsConfig() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, content) in [("plain", Self.secret + "\n"), ("binary", Self.secret + "\u{1}\u{2}\n")] {
            try content.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            let error = try #require(throws: DiagnosticsError.self) { try DaemonConfigParser.load(dir + "/" + name) }
            #expect(!error.description.contains(Self.secret), "\(error)")
        }
    }

    @Test("a config larger than 1 MiB, or not UTF-8, is refused at once with its position")
    func hugeOrBinaryConfig() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let huge = dir + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 1 << 30)  // sparse: no disk used, nothing to read
        try handle.close()
        let tooLarge = try #require(throws: DiagnosticsError.self) { try DaemonConfigParser.load(huge) }
        #expect(tooLarge.description.hasPrefix("\(huge):1:1: the file is larger than 1024 KiB"))
        let binary = dir + "/binary.yaml"
        try Data(Array("rules: r.yaml\nstore: \u{00E9}t\u{00E9}".utf8) + [0xFF, 0xFE]).write(to: URL(fileURLWithPath: binary))
        let notUTF8 = try #require(throws: DiagnosticsError.self) { try DaemonConfigParser.load(binary) }
        #expect(notUTF8.description.hasPrefix("\(binary):2:11: the file is not UTF-8 text"))
    }
}
