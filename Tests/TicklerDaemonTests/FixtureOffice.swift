import Foundation
import Testing
import TicklerCore
import TicklerDaemon
import TicklerStore

/// A temporary office for the daemon tests: a copy of `Fixtures/` (rules.yaml and a store)
/// and a `tickler.yaml` with the given channels, state in `state/`.
struct FixtureOffice {
    let folder: String
    var config: String { folder + "/tickler.yaml" }
    var rules: String { folder + "/rules.yaml" }

    /// `channels` are the lines under `channels:`, indented by two spaces.
    init(_ name: String, interval: String = "1h", channels: String) throws {
        folder = NSTemporaryDirectory() + "tickler-\(name)-" + UUID().uuidString
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
        try FileManager.default.copyItem(atPath: fixtures, toPath: folder)
        try """
        rules: rules.yaml
        store: store
        state: state
        interval: \(interval)
        channels:
        \(channels)
        """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The notices the office has now, loaded and evaluated the daemon's own way.
    func noticesNow() throws -> [Notice] {
        let (config, rules) = try TicklerService.load(config)
        let snapshot = try StoreCache().refresh(config.store, rules: rules).load.snapshot
        let now = Date()
        return Evaluator(rules: rules).evaluate(snapshot, at: now, since: rules.zone.startOfDay(now)).notices
    }
}
