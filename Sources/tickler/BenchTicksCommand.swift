import ArgumentParser
import Foundation
import TicklerCore
import TicklerStore

/// `tickler bench-ticks` (hidden): the daemon's steady tick, measured for Benchmarks/run.py.
///
/// Copies the store to a scratch folder, then runs ticks the way `serve` does: refresh the
/// store through a ``StoreFollower`` (only what changed is read) and evaluate. The first tick
/// reads everything; then come ticks with nothing changed, then ticks after appending
/// `--append-contacts` contacts to `contacts.jsonl`. The evaluation is the daemon's
/// ``IncrementalEvaluator``, which computes again only the customers that changed. Prints one
/// JSON object with the median milliseconds of each kind, of the store's read alone
/// (`*_read_ms`), and how many customers the last tick evaluated again.
struct BenchTicksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ticks",
        abstract: "Measure steady daemon ticks on a copy of a store (for Benchmarks/run.py).",
        shouldDisplay: false
    )

    @OptionGroup var input: RulesAndStoreOptions

    @Option(name: .long, help: "Evaluate as of this time (RFC 3339 or local).")
    var at: String

    @Option(name: .long, help: "Ticks of each kind.")
    var ticks: Int = 5

    @Option(name: .long, help: "Contacts appended before each 'appended' tick.")
    var appendContacts: Int = 1000

    @Flag(name: .long, help: "Evaluate everything at every tick (no reuse), for comparison.")
    var full = false

    func run() throws {
        let rules = try Inputs.rules(input.rules)
        let now = try Inputs.time(at, option: "at", zone: rules.zone)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.copyItem(atPath: input.store, toPath: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var follower = StoreFollower(
            directory: scratch, zone: rules.zone, classes: rules.classes,
            contactMethods: rules.knownContactMethods.map(\.rawValue))
        var evaluator = IncrementalEvaluator(rules: rules)
        var tickTime = now
        var snapshot = Snapshot()
        /// Milliseconds of the whole tick and of its read (the rest is the evaluation).
        func tick() throws -> (total: Double, read: Double) {
            let started = ContinuousClock.now
            let since = tickTime
            tickTime = tickTime.addingTimeInterval(60)
            snapshot = try follower.refresh().load.snapshot
            let read = ContinuousClock.now
            if full {
                _ = Evaluator(rules: rules).evaluate(snapshot, at: tickTime, since: since)
            } else {
                _ = evaluator.evaluate(snapshot, at: tickTime, since: since)
            }
            return (Self.milliseconds(ContinuousClock.now - started), Self.milliseconds(read - started))
        }
        let first = try tick()
        let unchanged = try (0..<ticks).map { _ in try tick() }
        let contacts = scratch + "/contacts.jsonl"
        let customers = snapshot.customers.prefix(max(1, appendContacts))
        let stamp = ISO8601DateFormatter()
        let appended = try (0..<ticks).map { round in
            var lines = ""
            for i in 0..<appendContacts {
                let customer = customers[customers.startIndex + (i + round * 7) % customers.count]
                let at = stamp.string(from: tickTime.addingTimeInterval(Double(i) / 100))
                lines += #"{"customer":"\#(customer.id)","rep":"\#(customer.rep)","at":"\#(at)","method":"phone"}"# + "\n"
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: contacts))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(lines.utf8))
            try handle.close()
            return try tick()
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        print(
            #"{"first_ms":\#(first.total),"unchanged_ms":\#(median(unchanged.map(\.total))),"#
                + #""appended_ms":\#(median(appended.map(\.total))),"#
                + #""unchanged_read_ms":\#(median(unchanged.map(\.read))),"#
                + #""appended_read_ms":\#(median(appended.map(\.read))),"#
                + #""appended_recomputed":\#(evaluator.recomputed)}"#)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
