import Foundation
import Testing

/// A scratch folder for one test, with a copy of the shipped example store at `store`.
struct ImportScratch {
    let path: String
    var store: String { path + "/store" }

    /// The package's root folder.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    init(exampleStore: Bool = true) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if exampleStore {
            try FileManager.default.copyItem(atPath: Self.root + "/rules/example-store", toPath: store)
        } else {
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        }
    }

    /// A fixture made by LibreOffice (or by hand) under Fixtures/import.
    static func fixture(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
        return folder + "/import/" + name
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: store + "/" + name, encoding: .utf8)
    }

    func bytes(_ name: String) -> Data? {
        FileManager.default.contents(atPath: store + "/" + name)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
