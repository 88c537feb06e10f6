import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite("A UTF-8 byte order mark is accepted in every input file; UTF-16 is named as such")
struct EncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let customers = #"{"id": "C1", "name": "Acme", "rep": "r1", "class": "A"}"# + "\n"
        + #"{"id": "C2", "name": "Beta", "rep": "r1", "class": "B"}"# + "\n"

    /// `text` as UTF-16 little endian, with or without its byte order mark.
    static func utf16(_ text: String, mark: Bool) -> [UInt8] {
        (mark ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test("a .jsonl collection with a byte order mark keeps its first record", arguments: ["customers.jsonl", "customers.json"])
    func bomInStore(name: String) throws {
        let text = name.hasSuffix(".json") ? "[" + Self.customers.replacingOccurrences(of: "}\n{", with: "},\n{") + "]" : Self.customers
        let store = try TempStore(bytes: [
            name: Self.bom + Array(text.utf8), "reps.json": Array(#"[{"id": "r1", "name": "Wang"}]"#.utf8),
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [])
        #expect(load.snapshot.customers.map(\.id) == ["C1", "C2"])
    }

    @Test("a UTF-16 collection is one error that names UTF-16, with or without its mark", arguments: [
        ("customers.jsonl", true), ("customers.jsonl", false), ("customers.json", true), ("customers.json", false),
    ])
    func utf16Store(name: String, mark: Bool) throws {
        let store = try TempStore(bytes: [name: Self.utf16(Self.customers, mark: mark)])
        defer { store.remove() }
        let load = try store.load()
        let described = store.described(load)
        #expect(described.contains { $0.hasPrefix("\(name):1: the file is UTF-16 text") && $0.contains("save it as UTF-8") },
                "\(described)")
        #expect(load.snapshot.customers.isEmpty)
    }

    @Test("a rules file with a byte order mark parses; a UTF-16 one is refused at 1:1 as UTF-16")
    func rulesFile() throws {
        let rules = "version: 1\ntimezone: Asia/Shanghai\nfollowup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n"
        let withMark = try TextFileTests.temporary("rules.yaml", Self.bom + Array(rules.utf8))
        #expect(try RulesFile.load(withMark).zone.identifier == "Asia/Shanghai")
        for mark in [true, false] {
            let wide = try TextFileTests.temporary("rules.yaml", Self.utf16(rules, mark: mark))
            do {
                _ = try RulesFile.load(wide)
                Issue.record("a UTF-16 rules file was accepted")
            } catch {
                #expect(error.description == "\(wide):1:1: " + TextEncoding.utf16Message("rules file"))
            }
        }
    }

    @Test("YAML text that still starts with a byte order mark parses (rules and rule tests)")
    func bomInYAMLText() throws {
        let rules = try RulesParser.parse("\u{FEFF}version: 1\ntimezone: UTC\n", file: "r.yaml")
        #expect(rules.zone.timeZone.secondsFromGMT() == 0)
        let test = try RuleTestParser.parse(
            "\u{FEFF}rules: r.yaml\nstore: store\ncases:\n  - { at: 2026-11-24T10:00, absent: [{ customer: C9 }] }\n", file: "t.yaml")
        #expect(test.cases.count == 1)
    }
}
