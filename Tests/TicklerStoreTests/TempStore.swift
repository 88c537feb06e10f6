import Foundation
import TicklerCore
import TicklerStore

/// A store directory written by a test into a fresh temporary folder.
struct TempStore {
    let directory: String

    init(_ files: [String: String]) throws {
        try self.init(bytes: files.mapValues { Array($0.utf8) })
    }

    init(bytes files: [String: [UInt8]]) throws {
        directory = NSTemporaryDirectory() + "tickler-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, content) in files {
            try Data(content).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func load(zone: String = "Asia/Shanghai", classes: [String] = ["A", "B", "C"]) throws -> StoreLoad {
        try StoreLoader(directory: directory, zone: Zone(identifier: zone)!, classes: classes).load()
    }

    /// Diagnostics as `NAME:LINE: message` with the temporary folder left out.
    func described(_ load: StoreLoad) -> [String] {
        load.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// An instant from RFC 3339 text, for expectations.
func instant(_ text: String) -> Date {
    StoreTimestamp.parse(text, zone: Zone(identifier: "UTC")!)!
}
