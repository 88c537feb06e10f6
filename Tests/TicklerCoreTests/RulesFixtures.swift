import Foundation
import TicklerCore

/// Test inputs: fixture files under `Fixtures/rules/` and the shipped `rules/office.yaml`.
enum RulesFixtures {
    /// The text of `Fixtures/rules/NAME.yaml`, read from the test bundle's resources.
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixtures/rules")
        else { throw FixtureMissing(name: name) }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The repository's `rules/office.yaml`, found from this file's path.
    static func officeRules() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules/office.yaml")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Parses and returns the diagnostics as printed lines (empty when the text is valid).
    static func problems(_ text: String, file: String = "rules.yaml") -> [String] {
        do {
            _ = try RulesParser.parse(text, file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    struct FixtureMissing: Error {
        var name: String
    }
}
