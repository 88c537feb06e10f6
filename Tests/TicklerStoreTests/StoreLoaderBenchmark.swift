import Foundation
import Testing
import TicklerCore
import TicklerStore

/// Timings behind the choices in docs/store-loader.md. Off unless `TICKLER_STORE_BENCH` names
/// a generated store (Benchmarks/generate-store.py); they print figures and assert nothing
/// about time.
///
///     TICKLER_STORE_BENCH=/tmp/store-bench swift test -c release --filter StoreLoaderBenchmark
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TICKLER_STORE_BENCH"] != nil))
struct StoreLoaderBenchmark {
    let directory = ProcessInfo.processInfo.environment["TICKLER_STORE_BENCH"] ?? ""
    let zone = Zone(identifier: "Asia/Shanghai")!

    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test("load the whole generated store")
    func loadWholeStore() throws {
        var load: StoreLoad?
        let t = try seconds { load = try StoreLoader(directory: directory, zone: zone, classes: ["A", "B", "C"]).load() }
        let s = load!.snapshot
        print("store load: \(t) s; reps \(s.reps.count), customers \(s.customers.count), contacts \(s.contacts.count), attendance \(s.attendance.count), events \(s.events.count), diagnostics \(load!.diagnostics.count)")
        #expect(load!.diagnostics.isEmpty)
    }

    private struct ContactRow: Decodable {
        var customer: String
        var rep: String
        var at: String
        var method: String?
        var progress: Int?
        var note: String?
    }

    @Test("compare per-line JSON decoders on contacts.jsonl")
    func compareDecoders() throws {
        let path = directory + "/contacts.jsonl"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lines: [Data] = []
        data.withUnsafeBytes { raw in
            var start = 0
            for i in 0..<raw.count where raw[i] == 0x0A {
                lines.append(Data(raw[start..<i]))
                start = i + 1
            }
        }
        var n = 0
        let decoder = JSONDecoder()
        let tDecoder = try seconds { for line in lines { _ = try decoder.decode(ContactRow.self, from: line); n += 1 } }
        let tSerialization = try seconds {
            for line in lines { _ = try JSONSerialization.jsonObject(with: line) as? [String: Any] }
        }
        let tParser = seconds {
            for line in lines { _ = line.withUnsafeBytes { try? JSONParser.parse($0.bindMemory(to: UInt8.self)) } }
        }
        print("contacts: \(n) lines; JSONDecoder \(tDecoder) s, JSONSerialization \(tSerialization) s, JSONParser \(tParser) s")
    }

    @Test("compare RFC 3339 parsers on a million timestamps")
    func compareTimestampParsers() {
        let texts = (0..<1_000_000).map { i in
            "2026-\(10 + i % 3)-\(10 + i % 19)T\(10 + i % 13):\(10 + i % 49):\(10 + i % 47)+08:00"
        }
        var sink = 0.0
        let formatter = ISO8601DateFormatter()
        // ISO8601DateFormatter is so slow here that it runs on a tenth of the texts, scaled up.
        let tFormatter = 10 * seconds { for t in texts.prefix(100_000) { sink += formatter.date(from: t)!.timeIntervalSince1970 } }
        let style = Date.ISO8601FormatStyle()
        let tStyle = seconds { for t in texts { sink += (try? style.parse(t))!.timeIntervalSince1970 } }
        let tOurs = seconds { for t in texts { sink += StoreTimestamp.parse(t, zone: zone)!.timeIntervalSince1970 } }
        print("timestamps (per million): ISO8601DateFormatter \(tFormatter) s, ISO8601FormatStyle \(tStyle) s, StoreTimestamp \(tOurs) s (\(sink > 0))")
    }
}
