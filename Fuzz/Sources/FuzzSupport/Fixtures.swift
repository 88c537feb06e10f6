package import Foundation
package import TicklerCore
import TicklerStore

/// What every harness shares: the shipped rules and example store (loaded once, from the
/// checkout this package sits in), the times to evaluate at, and a scratch directory.
package enum Fixtures {
    /// The repository root: this file is Fuzz/Sources/FuzzSupport/Fixtures.swift.
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// rules/office.yaml, the shipped rulebook.
    package static let rules: Rules = {
        do {
            return try RulesFile.load(root + "/rules/office.yaml")
        } catch {
            fatalError("the fuzz fixtures need rules/office.yaml: \(error)")
        }
    }()

    /// rules/example-store read with the shipped rules.
    package static let snapshot: Snapshot = {
        do {
            let loader = StoreLoader(directory: root + "/rules/example-store", zone: rules.zone, classes: rules.classes)
            return try loader.load().snapshot
        } catch {
            fatalError("the fuzz fixtures need rules/example-store: \(error)")
        }
    }()

    /// Two instants to evaluate at: a workday morning, and a leap day late at night.
    package static let instants: [Date] = [
        Date(timeIntervalSince1970: 1_795_482_000),  // 2026-11-24T09:00+08:00
        Date(timeIntervalSince1970: 1_835_452_740),  // 2028-02-29T23:59+08:00
    ]

    /// A fresh directory for this process (harnesses that must go through files use it).
    package static let scratch: String = {
        let path = NSTemporaryDirectory() + "tickler-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Every diagnostic must point at a real line and column, and say something.
    package static func checkDiagnostics(_ error: DiagnosticsError) {
        precondition(!error.diagnostics.isEmpty, "a DiagnosticsError without diagnostics")
        for d in error.diagnostics {
            precondition(d.location.line >= 1, "diagnostic at line \(d.location.line): \(d.message)")
            precondition((d.location.column ?? 1) >= 1, "diagnostic at column \(d.location.column ?? 0): \(d.message)")
            precondition(!d.message.isEmpty, "a diagnostic without a message")
        }
    }

    /// Writes `bytes` to `path`, replacing it (plain open/write: no temporary file, no sync,
    /// as thousands of inputs a second go through it).
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
            precondition(n > 0, "cannot write \(path)")
            done += n
        }
    }
}
