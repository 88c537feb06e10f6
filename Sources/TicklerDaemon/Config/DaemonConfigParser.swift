import Foundation
package import TicklerCore
import TicklerDelivery
import TicklerStore
import Yams

/// Reads `tickler.yaml` strictly: an unknown key, a wrong type or a bad value is an error at
/// `FILE:LINE:COLUMN` with a sentence saying what to write (and "did you mean" where a
/// known key is close). All errors of the file are reported in one go.
package enum DaemonConfigParser {
    /// The webhook formats SPEC section 6 names.
    package static let webhookFormats = WebhookFormat.allCases.map(\.rawValue)

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
        let text = YAMLDocument.withoutBOM(text)
        var reader = Reader(file: file)
        // Refuses aliases (billion laughs), deep nesting and syntax errors with positions
        // before Yams composes, and never quotes the file: it may sit next to a secret.
        try YAMLDocument.prescan(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticsError([reader.yamlDiagnostic(error)])
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the YAML could not be read")])
        }
        let base = (absolute(file) as NSString).deletingLastPathComponent
        guard let root, let top = reader.mapping(root, "the config",
            keys: ["rules", "store", "state", "interval", "summary_above", "channels"])
        else { throw reader.failure(at: root) }

        let rules = top["rules"].flatMap { reader.path($0, base: base) }
        let store = top["store"].flatMap { reader.path($0, base: base) }
        let state = top["state"].flatMap { reader.path($0, base: base) }
        for key in ["rules", "store", "state"] where top[key] == nil {
            reader.error(at: root, "missing '\(key):'; give the \(key) path (relative to this file's folder)")
        }
        var interval = 300
        if let node = top["interval"], let text = reader.string(node) {
            if let d = RuleDuration(parsing: text), !d.isCalendarUnit || d.unit != .businessDays,
                d.approximateSeconds >= 1
            {
                interval = d.approximateSeconds
            } else {
                reader.error(at: node, "'\(text)' is not a tick interval; write a duration such as 30s, 5m or 1h")
            }
        }
        var summaryAbove = 50
        if let node = top["summary_above"] {
            if let text = reader.string(node), let n = Int(text), n >= 1 {
                summaryAbove = n
            } else {
                reader.error(at: node, "summary_above must be a whole number of notices, 1 or more")
            }
        }
        var config = DaemonConfig(
            file: absolute(file), rules: rules ?? "", store: store ?? "", state: state ?? "", interval: interval,
            summaryAbove: summaryAbove, journal: nil)
        if let node = top["channels"],
            let channels = reader.mapping(node, "channels", keys: ["journal", "mail", "webhook"])
        {
            if let node = channels["journal"] { config.journal = reader.journal(node) }
            if let node = channels["mail"] { config.mail = reader.mail(node, base: base) }
            if let node = channels["webhook"] { config.webhook = reader.webhook(node, base: base) }
        }
        guard reader.diagnostics.isEmpty else { throw DiagnosticsError(reader.diagnostics) }
        return config
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        let cwd = FileManager.default.currentDirectoryPath
        return ((cwd as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// Collects diagnostics while walking the YAML nodes.
    private struct Reader {
        var file: String
        var diagnostics: [Diagnostic] = []

        func location(_ node: Node?) -> SourceLocation {
            SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        }

        mutating func error(at node: Node?, _ message: String) {
            diagnostics.append(Diagnostic(location(node), message))
        }

        mutating func failure(at node: Node?) -> DiagnosticsError {
            if diagnostics.isEmpty { error(at: node, "the config must be a mapping with rules:, store:, state:") }
            return DiagnosticsError(diagnostics)
        }

        func yamlDiagnostic(_ error: YamlError) -> Diagnostic {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return Diagnostic(
                    SourceLocation(file: file, line: mark.line, column: mark.column),
                    "YAML syntax error: \(problem); check indentation and quoting here")
            default:
                // Not `\(error)`: Yams' descriptions quote the offending line of the file.
                return Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the YAML could not be read")
            }
        }

        /// A mapping with only `keys`, as a dictionary by key; errors for others.
        mutating func mapping(_ node: Node, _ what: String, keys: [String]) -> [String: Node]? {
            guard case .mapping(let mapping) = node else {
                error(at: node, "\(what) must be a mapping of keys (\(keys.joined(separator: ", ")))")
                return nil
            }
            var result: [String: Node] = [:]
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string else {
                    error(at: keyNode, "keys of \(what) must be plain names")
                    continue
                }
                guard keys.contains(key) else {
                    let hint = NearestName.suggestion(for: key, among: keys).map { "; did you mean '\($0)'?" }
                    error(at: keyNode, "unknown key '\(key)' in \(what)\(hint ?? "; known keys: \(keys.joined(separator: ", "))")")
                    continue
                }
                if result[key] != nil { error(at: keyNode, "'\(key)' is given twice; keep one") }
                result[key] = value
            }
            return result
        }

        mutating func string(_ node: Node) -> String? {
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
                error(at: node, "expected a value here, not a list or mapping")
                return nil
            }
            return scalar.string
        }

        mutating func path(_ node: Node, base: String) -> String? {
            guard let text = string(node) else { return nil }
            if text.hasPrefix("/") { return (text as NSString).standardizingPath }
            return ((base as NSString).appendingPathComponent(text) as NSString).standardizingPath
        }

        mutating func journal(_ node: Node) -> DaemonConfig.JournalConfig? {
            if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" { return DaemonConfig.JournalConfig() }
            guard let map = mapping(node, "channels.journal", keys: ["identifier"]) else { return nil }
            var journal = DaemonConfig.JournalConfig()
            if let id = map["identifier"], let text = string(id) { journal.identifier = text }
            return journal
        }

        mutating func mail(_ node: Node, base: String) -> DaemonConfig.MailConfig? {
            guard
                let map = mapping(node, "channels.mail", keys: ["spool", "maildir", "sendmail", "from", "allow_domains"])
            else {
                return nil
            }
            let targets = ["spool", "maildir", "sendmail"].filter { map[$0] != nil }
            guard targets.count == 1, let key = targets.first, let target = map[key], let value = path(target, base: base)
            else {
                error(at: node, "channels.mail needs exactly one of spool:, maildir:, sendmail:")
                return nil
            }
            if let domains = map["allow_domains"], key != "sendmail" {
                error(at: domains, "allow_domains applies to sendmail: only (a spool or Maildir delivers to local mailboxes)")
            }
            let from = map["from"].flatMap { string($0) } ?? "Tickler <tickler@localhost>"
            switch key {
            case "spool": return DaemonConfig.MailConfig(target: .spool(value), from: from)
            case "maildir": return DaemonConfig.MailConfig(target: .maildir(value), from: from)
            default:
                var config = DaemonConfig.MailConfig(target: .sendmail(value), from: from)
                if let node = map["allow_domains"] { config.allowDomains = allowDomains(node) }
                return config
            }
        }

        /// `allow_domains:` mail domains (`example.com`, `*.example.com`) a rep's `email` may use.
        mutating func allowDomains(_ node: Node) -> [String] {
            guard case .sequence(let sequence) = node else {
                error(at: node, "allow_domains must be a list of mail domains, e.g. [example.com, \"*.example.com\"]")
                return []
            }
            var domains: [String] = []
            for item in sequence {
                guard let text = string(item)?.lowercased() else { continue }
                switch HostAllowList.entry(text) {
                case let entry? where entry.port == nil && entry.isNamePattern:
                    domains.append(text)
                default:
                    error(at: item, "'\(text)' is not a mail domain; write example.com or *.example.com")
                }
            }
            return domains
        }

        mutating func webhook(_ node: Node, base: String) -> DaemonConfig.WebhookConfig? {
            guard let map = mapping(node, "channels.webhook", keys: ["url", "format", "secret", "timeout", "allow_hosts"])
            else { return nil }
            guard let urlNode = map["url"], let url = string(urlNode) else {
                error(at: node, "channels.webhook needs url: (the https address to POST notices to)")
                return nil
            }
            if URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                error(at: urlNode, "'\(url)' is not an http(s) URL")
            }
            var webhook = DaemonConfig.WebhookConfig(url: url)
            if let formatNode = map["format"], let format = string(formatNode) {
                if DaemonConfigParser.webhookFormats.contains(format) {
                    webhook.format = format
                } else {
                    let hint = NearestName.suggestion(for: format, among: DaemonConfigParser.webhookFormats)
                    error(at: formatNode, "unknown webhook format '\(format)'"
                        + (hint.map { "; did you mean '\($0)'?" }
                            ?? "; use one of \(DaemonConfigParser.webhookFormats.joined(separator: ", "))"))
                }
            }
            if let secretNode = map["secret"] { webhook.secret = webhookSecret(secretNode, base: base) }
            if let node = map["timeout"], let text = string(node) {
                if let d = RuleDuration(parsing: text), !d.isCalendarUnit, (1...300).contains(d.approximateSeconds) {
                    webhook.timeout = d.approximateSeconds
                } else {
                    error(at: node, "'\(text)' is not a webhook timeout; write a duration from 1s to 5m, such as 10s")
                }
            }
            if let node = map["allow_hosts"] { webhook.allowHosts = allowHosts(node) }
            return webhook
        }

        /// `secret: { credential: NAME }` or `secret: { file: PATH }`, exactly one; never the
        /// secret itself.
        mutating func webhookSecret(_ node: Node, base: String) -> DaemonConfig.WebhookConfig.Secret? {
            if case .scalar = node {
                error(at: node, "write the secret as { credential: NAME } or { file: PATH }, never the secret itself")
                return nil
            }
            guard let secret = mapping(node, "channels.webhook.secret", keys: ["credential", "file"]) else {
                return nil
            }
            guard secret.count == 1 else {
                error(at: node, "secret needs exactly one of credential: NAME (systemd LoadCredential=) or file: PATH")
                return nil
            }
            if let c = secret["credential"], let name = string(c) {
                guard WebhookSecret.isCredentialName(name) else {
                    error(at: c, "'\(name)' is not a credential name; use the NAME of LoadCredential=NAME:PATH "
                        + "(letters, digits, '_', '-', '.')")
                    return nil
                }
                return .credential(name)
            }
            if let f = secret["file"], let file = path(f, base: base) { return .file(file) }
            return nil
        }

        /// `allow_hosts:` (and `allow_domains:`) a list of ``HostAllowList`` entries: host
        /// names, `*.domain` patterns, IP addresses and networks, each with an optional port.
        mutating func allowHosts(_ node: Node, key: String = "allow_hosts") -> [String] {
            guard case .sequence(let sequence) = node else {
                error(
                    at: node, "\(key) must be a list of host names, e.g. [hooks.example.com, \"*.office.example\"]")
                return []
            }
            var hosts: [String] = []
            for item in sequence {
                guard let host = string(item)?.lowercased() else { continue }
                if HostAllowList.entry(host) != nil {
                    hosts.append(host)
                } else {
                    error(
                        at: item,
                        "'\(host)' is not a host name; write a host (hooks.example.com or *.example.com) or an "
                            + "address or network (10.0.0.5, 10.0.0.0/8), with :PORT to allow a port other than 443, "
                            + "without scheme or path")
                }
            }
            return hosts
        }
    }
}
