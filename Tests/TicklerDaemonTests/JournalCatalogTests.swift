import Foundation
import TicklerCore
import TicklerDelivery
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `systemd/tickler.catalog` as an admin sees it: compiled by `journalctl --update-catalog`
/// and shown by `journalctl -x` under entries sent to the real journald, with every
/// `@TICKLER_...@` filled in from the entry. `journalctl -x` reads the system's catalog
/// database only, so the test's database is bind-mounted over it in a private mount
/// namespace (`unshare -m`): the machine's own catalog is never touched.
@Suite("journal catalog under journalctl -x", .serialized, .enabled(if: canRunCatalogTests, "needs root, journald and unshare"))
struct JournalCatalogTests {
    static let catalogFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("systemd/tickler.catalog").path

    /// The catalog's entries: MESSAGE_ID -> (subject, whole text).
    static func sections() throws -> [String: (subject: String, text: String)] {
        var result: [String: (subject: String, text: String)] = [:]
        var id: String?
        var lines: [String] = []
        func flush() {
            guard let id else { return }
            let subject = lines.first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) } ?? ""
            result[id] = (subject, lines.joined(separator: "\n"))
        }
        for line in try String(contentsOfFile: catalogFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- ") {
                flush()
                id = String(line.dropFirst(3))
                lines = []
            } else {
                lines.append(String(line))
            }
        }
        flush()
        return result
    }

    /// The `@FIELD@` names in `text`.
    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /@([A-Z0-9_]+)@/).map { String($0.output.1) })
    }

    /// A notice of `kind` with only the fields its evaluator always sets (Sources/TicklerCore/Evaluate).
    static func notice(_ kind: NoticeKind) -> Notice {
        let withCustomer: Set<NoticeKind> = [.dueSoon, .scheduled, .overdue, .conflict, .forecast, .reclaim]
        let withLevel: Set<NoticeKind> = [.overdue, .compliance, .reclaim]
        let due = LocalDate(parsing: "2026-11-20")!
        let facts: NoticeFacts? =
            [.dueSoon, .scheduled, .overdue].contains(kind)
            ? .followup(.init(customerName: "Acme Trading", customerClass: "A", due: due, daysOverdue: 4)) : nil
        let penalty = kind == .penalty
        return Notice(
            key: "\(kind.rawValue)/K1", kind: kind, rule: "rule_\(kind.rawValue)", rep: "kovacsp",
            customer: withCustomer.contains(kind) ? "A001" : nil, to: ["kovacsp", "m1"],
            level: withLevel.contains(kind) ? 1 : nil, fine: penalty ? 50 : nil, points: penalty ? 2 : nil,
            message: "catalog test \(kind.rawValue)", source: [.penalty, .conflict].contains(kind) ? "events.jsonl:7" : nil,
            facts: facts)
    }

    /// The entries the test sends: one per notice kind, a backlog summary, a dead letter and a retry.
    static func entries(_ channel: JournalChannel) -> [JournalEntry] {
        var result = NoticeKind.allCases.map { channel.entry(for: notice($0)) }
        var deep = notice(.overdue)
        deep.key = "overdue/K1/deep"
        deep.level = 5
        result.append(channel.entry(for: deep))
        result.append(channel.summaryEntry(recipient: "m1", notices: NoticeKind.allCases.map(notice)))
        for id in [JournalMessageID.deadLetter, JournalMessageID.deliveryRetry] {
            // The fields OutboxDrain's log entries carry (through JournalLogHandler).
            var entry = JournalEntry()
            entry.append("MESSAGE", "catalog test outbox \(id)")
            entry.append("MESSAGE_ID", id)
            entry.append("PRIORITY", "3")
            entry.append("SYSLOG_IDENTIFIER", channel.identifier)
            entry.append("TICKLER_CHANNEL", "mail")
            entry.append("TICKLER_RECIPIENT", "kovacsp")
            entry.append("TICKLER_OUTBOX_ID", "tickler-0123456789abcdef")
            result.append(entry)
        }
        return result
    }

    /// Compiles the catalog into `root`/var/lib/systemd/catalog/database.
    static func compile(into root: String) throws -> ExternalRun {
        let dir = root + "/usr/lib/systemd/catalog"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: catalogFile, toPath: dir + "/tickler.catalog")
        return try ExternalRun("/usr/bin/journalctl", ["--root=" + root, "--update-catalog"])
    }

    @Test("journalctl --update-catalog compiles the catalog; it explains every MESSAGE_ID Tickler logs")
    func compiles() throws {
        let root = NSTemporaryDirectory() + "tickler-catalog-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let compiled = try Self.compile(into: root)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let listed = try ExternalRun("/usr/bin/journalctl", ["--root=" + root, "--list-catalog"])
        let ids = Set(listed.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let ours = NoticeKind.allCases.map(JournalMessageID.notice) + [
            JournalMessageID.backlogSummary, JournalMessageID.started, JournalMessageID.reloaded,
            JournalMessageID.reloadFailed, JournalMessageID.storeProblems, JournalMessageID.tickFailed,
            JournalMessageID.stopping, JournalMessageID.channelUnavailable, JournalMessageID.deadLetter,
            JournalMessageID.deliveryRetry, JournalMessageID.clockJump,
        ]
        #expect(Set(ours).isSubset(of: ids), "missing: \(Set(ours).subtracting(ids))")
    }

    @Test("journalctl -x shows each entry's values where the catalog says @TICKLER_...@, never a bare field name")
    func substitutes() throws {
        let root = NSTemporaryDirectory() + "tickler-catalog-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Self.compile(into: root).status == 0)
        let sections = try Self.sections()
        let journald = try Journald()
        defer { journald.stop() }
        let identifier = "tickler-catalog-\(UUID().uuidString.prefix(8).lowercased())"
        let channel = JournalChannel(identifier: identifier, mirrorToStderr: false)
        let sent = Self.entries(channel)
        for entry in sent { #expect(entry.send()) }
        let stored = try Journald.entries(identifier: identifier)
        #expect(stored.count == sent.count)
        // No notice reaches an admin who alerts on `-p err`: only the outbox failures do.
        for entry in stored where entry["TICKLER_KIND"] != nil {
            #expect(Int(entry["PRIORITY"] as? String ?? "") ?? 0 >= 4, "\(entry["MESSAGE"] ?? "")")
        }
        let paged = try ExternalRun("/usr/bin/journalctl", ["-p", "err", "-o", "json", "--no-pager", "SYSLOG_IDENTIFIER=\(identifier)"])
        #expect(!paged.stdout.contains("TICKLER_KIND"))
        #expect(paged.stdout.split(separator: "\n").count == 2, "the dead letter and the retry")
        // Every placeholder of a section is a field every entry of that id carries.
        var expectedSubjects: [String] = []
        for entry in sent {
            let id = try #require(entry.value("MESSAGE_ID"))
            let section = try #require(sections[id], "no catalog entry for \(id)")
            var subject = section.subject
            if entry.value("TICKLER_KIND") != nil {
                #expect(!Self.placeholders(section.subject).isEmpty, "the subject of \(id) shows no value")
            }
            for field in Self.placeholders(section.text) {
                let value = try #require(entry.value(field), "\(entry.value("MESSAGE") ?? id) lacks \(field)")
                subject = subject.replacingOccurrences(of: "@\(field)@", with: value)
            }
            expectedSubjects.append(subject)
        }
        let database = "/var/lib/systemd/catalog"
        try FileManager.default.createDirectory(atPath: database, withIntermediateDirectories: true)
        let shown = try ExternalRun(
            "/usr/bin/unshare",
            ["-m", "sh", "-c", "mount --bind \"$1\" \"$2\" && exec journalctl -x --no-pager --all SYSLOG_IDENTIFIER=\"$3\"",
             "sh", root + "/var/lib/systemd/catalog", database, identifier])
        #expect(shown.status == 0, "\(shown.stderr)")
        let explanations = shown.stdout.split(separator: "\n").filter { $0.hasPrefix("░░ ") }
        for subject in expectedSubjects { #expect(explanations.contains { $0 == "░░ Subject: \(subject)" }, "\(subject)") }
        #expect(!shown.stdout.contains("@TICKLER_"))
        #expect(shown.stdout.contains("░░ Subject: Follow-up of customer A001 is overdue since 2026-11-20"))
        #expect(shown.stdout.contains("The last day for rep kovacsp to contact customer A001 was"))
    }
}

/// Whether the catalog tests can run: root, journald, journalctl, and a private mount
/// namespace (`unshare -m`, which a container without CAP_SYS_ADMIN refuses).
var canRunCatalogTests: Bool {
    guard Journald.canRun, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
    return (try? ExternalRun("/usr/bin/unshare", ["-m", "true"]).status) == 0
}

/// A program run to its end, with its output (both streams through files: no pipe can fill).
struct ExternalRun {
    var status: Int32
    var stdout: String
    var stderr: String

    init(_ program: String, _ arguments: [String]) throws {
        let folder = NSTemporaryDirectory() + "tickler-run-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        try process.run()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? ""
        stderr = (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? ""
    }
}
