import Foundation
package import TicklerCore
import TicklerDelivery
import TicklerStore

/// Reads `tickler.yaml` strictly, through the same YAML layer as the rules
/// (``YAMLDocument``, ``NodeReader``): an unknown key, a wrong type or a bad value is an error
/// at `FILE:LINE:COLUMN` with a sentence saying what to write ("did you mean" where a known
/// key is close); tabs, full-width punctuation and a byte order mark get the rules' typo
/// messages; and all errors of the file are reported in one go. Messages never quote a value
/// the file may hold a secret in.
package enum DaemonConfigParser {
    /// The webhook formats SPEC section 6 names.
    package static let webhookFormats = WebhookFormat.allCases.map(\.rawValue)

    /// The keys `tickler.yaml` may have at its top level.
    package static let topLevelKeys = ["rules", "store", "state", "interval", "summary_above", "channels"]

    /// Reads and parses the config file at `path`.
    ///
    /// Throws ``DiagnosticsError`` when it cannot be read or is invalid.
    package static func load(_ path: String) throws(DiagnosticsError) -> DaemonConfig {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path, maxBytes: YAMLLimits().maxBytes)
        } catch .unreadable(let reason) {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: path, line: 1, column: 1),
                    "cannot read the daemon config (\(reason)); check the path given with --config and its permissions")
            ])
        } catch {
            throw DiagnosticsError([TextFile.diagnostic(error, path: path, what: "daemon config")])
        }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in messages and anchors relative paths.
    ///
    /// Throws ``DiagnosticsError`` with every problem found.
    package static func parse(_ text: String, file: String) throws(DiagnosticsError) -> DaemonConfig {
        // The shared layer refuses aliases (billion laughs), deep nesting, syntax errors and
        // keyboard typos with positions before composing, never quoting the file; after a
        // typo it reads the repaired text too, so the other problems come in the same run.
        let document = try YAMLTypoRecovery.load(text, file: file) { (repaired) throws(DiagnosticsError) in
            _ = try parse(repaired, file: file)
        }
        var reader = DaemonConfigReader(file: file)
        let base = (absolute(file) as NSString).deletingLastPathComponent
        guard let root = document, let top = reader.mapping(root, "the config", keys: topLevelKeys) else {
            if reader.r.isClean {
                reader.r.error(
                    document?.location ?? reader.r.fileStart, "the config must be a mapping with rules:, store:, state:")
            }
            try reader.r.finish()
            throw DiagnosticsError([Diagnostic(reader.r.fileStart, "the config could not be read")])
        }
        let rules = top["rules"].flatMap { reader.path($0, "rules", base: base) }
        let store = top["store"].flatMap { reader.path($0, "store", base: base) }
        let state = top["state"].flatMap { reader.path($0, "state", base: base) }
        for key in ["rules", "store", "state"] where top[key] == nil {
            reader.r.error(top.location, "missing '\(key):'; give the \(key) path (relative to this file's folder)")
        }
        var config = DaemonConfig(
            file: absolute(file), rules: rules ?? "", store: store ?? "", state: state ?? "",
            interval: top["interval"].flatMap { reader.interval($0) } ?? 300,
            summaryAbove: top["summary_above"].flatMap { reader.summaryAbove($0) } ?? 50, journal: nil)
        if let node = top["channels"],
            let channels = reader.mapping(node, "channels", keys: ["journal", "mail", "webhook"])
        {
            for entry in channels.entries { config.channelLocations[entry.key] = entry.keyLocation }
            if let node = channels["journal"] { config.journal = reader.journal(node) }
            if let node = channels["mail"] { config.mail = reader.mail(node, base: base) }
            if let node = channels["webhook"] { config.webhook = reader.webhook(node, base: base) }
        }
        try reader.r.finish()
        return config
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        let cwd = FileManager.default.currentDirectoryPath
        return ((cwd as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}

/// Walks the config's ``YAMLNode`` tree with a ``NodeReader``, recording every problem.
struct DaemonConfigReader {
    var r: NodeReader

    init(file: String) {
        r = NodeReader(file: file)
    }

    /// A mapping with only `keys` (unknown ones are reported with "did you mean").
    ///
    /// Unlike ``NodeReader/mapping(_:in:allowed:)`` alone, a value that is not a mapping is
    /// refused without quoting it: it may be a secret written in the wrong place.
    mutating func mapping(_ node: YAMLNode, _ what: String, keys: [String]) -> YAMLMapping? {
        guard case .mapping = node.content else {
            r.error(node.location, "\(what) must be a mapping of keys (\(keys.joined(separator: ", ")))")
            return nil
        }
        return r.mapping(node, in: what, allowed: keys)
    }

    /// The text of a scalar value; a list, a mapping or nothing is an error.
    mutating func string(_ node: YAMLNode, _ what: String) -> String? {
        r.string(node, "'\(what)'")
    }

    /// A path, absolute or relative to the config file's folder `base`.
    mutating func path(_ node: YAMLNode, _ what: String, base: String) -> String? {
        guard let text = string(node, what) else { return nil }
        if text.hasPrefix("/") { return (text as NSString).standardizingPath }
        return ((base as NSString).appendingPathComponent(text) as NSString).standardizingPath
    }

    /// `interval:` in seconds: a duration of at least one second, not in business days.
    mutating func interval(_ node: YAMLNode) -> Int? {
        guard let text = string(node, "interval") else { return nil }
        if let d = RuleDuration(parsing: text), !d.isCalendarUnit || d.unit != .businessDays, d.approximateSeconds >= 1 {
            return d.approximateSeconds
        }
        r.error(node.location, "'\(text)' is not a tick interval; write a duration such as 30s, 5m or 1h")
        return nil
    }

    /// `summary_above:` a whole number of notices, 1 or more.
    mutating func summaryAbove(_ node: YAMLNode) -> Int? {
        if case .scalar(let text, _) = node.content, !node.isNull, let n = Int(text), n >= 1 { return n }
        r.error(node.location, "summary_above must be a whole number of notices, 1 or more")
        return nil
    }

    /// `channels.journal`: nothing or `{}` for the defaults, or `{ identifier: NAME }`.
    mutating func journal(_ node: YAMLNode) -> DaemonConfig.JournalConfig? {
        if node.isNull { return DaemonConfig.JournalConfig() }
        if case .scalar(let text, _) = node.content, text.isEmpty || text == "~" { return DaemonConfig.JournalConfig() }
        guard let map = mapping(node, "channels.journal", keys: ["identifier"]) else { return nil }
        var journal = DaemonConfig.JournalConfig()
        if let id = map["identifier"], let text = string(id, "channels.journal.identifier") { journal.identifier = text }
        return journal
    }
}
