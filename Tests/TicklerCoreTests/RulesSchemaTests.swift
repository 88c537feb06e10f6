import Foundation
import Testing
import TicklerCore

/// `rules/tickler-rules.schema.json` must say what the parser accepts: every object of the
/// schema lists exactly the keys the parser allows at that place.
@Suite struct RulesSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemaPath = root.appendingPathComponent("rules/tickler-rules.schema.json").path

    /// One object of the schema: its place in a rules file and its property names.
    struct Place: CustomStringConvertible {
        /// Keys from the top; "[]" marks a list item.
        var path: [String]
        var keys: Set<String>
        var description: String { path.isEmpty ? "top level" : path.joined(separator: ".") }
    }

    static func places() throws -> [Place] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var result: [Place] = []
        func walk(_ node: [String: Any], _ path: [String]) {
            if let properties = node["properties"] as? [String: Any], node["additionalProperties"] as? Bool == false {
                result.append(Place(path: path, keys: Set(properties.keys)))
                for (key, value) in properties {
                    if let child = value as? [String: Any] { walk(child, path + [key]) }
                }
            }
            if let items = node["items"] as? [String: Any] { walk(items, path + ["[]"]) }
        }
        walk(schema, [])
        return result
    }

    /// A rules file with an unknown key at `path`, in flow style.
    static func probe(at path: [String]) -> String {
        var value = "{ zqxj_probe: 1 }"
        for key in path.reversed() { value = key == "[]" ? "[ \(value) ]" : "{ \(key): \(value) }" }
        if path.isEmpty { return "version: 1\ntimezone: UTC\nzqxj_probe: 1\n" }
        return "version: 1\ntimezone: UTC\n" + String(value.dropFirst(2).dropLast(2)) + "\n"
    }

    /// The keys the parser allows where the probe stands, from its "use one of" message.
    static func allowedKeys(at path: [String]) -> Set<String>? {
        do {
            _ = try RulesParser.parse(probe(at: path), file: "probe.yaml")
        } catch {
            for diagnostic in error.diagnostics where diagnostic.message.hasPrefix("unknown key 'zqxj_probe'") {
                guard let range = diagnostic.message.range(of: "use one of: ") else { return nil }
                return Set(diagnostic.message[range.upperBound...].components(separatedBy: ", "))
            }
        }
        return nil
    }

    @Test("every object of the schema has exactly the keys the parser allows there")
    func keysMatch() throws {
        let places = try Self.places()
        #expect(places.count >= 12)
        for place in places {
            let allowed = try #require(Self.allowedKeys(at: place.path), "the parser did not reject a probe key at \(place)")
            #expect(allowed == place.keys, "\(place): parser \(allowed.sorted()) vs schema \(place.keys.sorted())")
        }
    }

    /// Debian's python3 with python3-yaml and python3-jsonschema (scripts/debian-packages).
    static let pythonReady: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        probe.arguments = ["-c", "import yaml, jsonschema"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    @Test(
        "the shipped rules and the test fixtures validate against the schema",
        .enabled(if: pythonReady, "needs /usr/bin/python3 with python3-yaml and python3-jsonschema (apt-get install them)"))
    func shippedRulesValidate() throws {
        let script = """
            import json, sys, yaml, jsonschema
            class Loader(yaml.SafeLoader): pass
            # YAML 1.2 as editors read it: dates and times stay strings.
            Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp']
                                              for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validate(yaml.load(open(path), Loader=Loader), schema)
            print("valid", len(sys.argv) - 2)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("rules/examples").path
        ).filter { $0.hasSuffix(".yaml") }.sorted().map { "rules/examples/\($0)" }
        #expect(!examples.isEmpty)
        let files = (["rules/office.yaml", "Tests/TicklerCoreTests/Fixtures/rules/spec-example.yaml"] + examples).map {
            Self.root.appendingPathComponent($0).path
        }
        python.arguments = ["-c", script, Self.schemaPath] + files
        let output = Pipe()
        python.standardOutput = output
        python.standardError = output
        try python.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "\(text)")
        #expect(text.contains("valid \(files.count)"))
    }
}
