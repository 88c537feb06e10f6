internal import Foundation

/// Reads a rules file (SPEC section 3, `version: 1`) into ``Rules``.
///
/// Strict: an unknown key, a wrong type, a bad duration, time or date, an unknown class,
/// timezone, locale or weekday, and rules that can never be right (lateness tiers out of
/// order, an escalation ladder that does not climb, duplicate names, ...) are all errors.
package enum RulesParser {
    /// The keys a rules file may have at its top level.
    package static let topLevelKeys = [
        "version", "timezone", "locale", "calendar", "classes", "followup", "attendance", "penalties", "scoring",
        "quotas", "alerts", "conflicts", "reports", "compliance", "forecast", "pool", "care", "contact_methods",
        "lead_sources", "sales",
    ]

    /// Parses and validates a rules file.
    ///
    /// `file` is the name used in messages. Throws a ``DiagnosticsError`` holding every
    /// problem of the file, each as `FILE:LINE:COLUMN: message`, sorted by position.
    package static func parse(_ text: String, file: String) throws(DiagnosticsError) -> Rules {
        let document = try YAMLTypoRecovery.load(text, file: file) { (repaired) throws(DiagnosticsError) in
            _ = try parse(repaired, file: file)
        }
        guard let root = document else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: file, line: 1, column: 1),
                    "the rules file is empty; it needs at least 'version: 1' and a 'timezone'")
            ])
        }
        var reader = RulesReader(file: file)
        let rules = reader.rules(root)
        try reader.r.finish()
        guard let rules else {
            // Unreachable: every path that gives no rules records an error first.
            throw DiagnosticsError([Diagnostic(reader.r.fileStart, "the rules could not be read")])
        }
        return rules
    }
}

/// The state of one parse: the diagnostics so far and the classes the file declares.
struct RulesReader {
    var r: NodeReader
    var classes = ["A", "B", "C"]
    /// Rep ids named so far (`notify`, `goals`), for the check against a store.
    var repReferences: [RepReference] = []
    var managerOnlyNotify: [SourceLocation] = []
    /// The office's contact methods, read before the sections that name methods.
    var contactMethods: OfficeContactMethods?

    init(file: String) {
        r = NodeReader(file: file)
    }

    mutating func rules(_ root: YAMLNode) -> Rules? {
        guard let top = r.mapping(root, in: "the rules file", allowed: RulesParser.topLevelKeys) else { return nil }
        let version = readVersion(top)
        let zone = readZone(top)
        let locale = top.value("locale").flatMap { readLocale($0) } ?? .en
        if let node = top.value("classes"), let declared = readClassNames(node) { classes = declared }
        let calendar = top.value("calendar").flatMap { readCalendar($0) } ?? BusinessCalendar()
        contactMethods = top.value("contact_methods").flatMap { readContactMethods($0) }
        let followup = top.value("followup").flatMap { readFollowup($0) }
        let attendance = top.value("attendance").flatMap { readAttendance($0) }
        let penalties = top.value("penalties").map { readPenalties($0) } ?? []
        let scoring = top.value("scoring").flatMap { readScoring($0) }
        let quotas = top.value("quotas").map { readQuotas($0) } ?? []
        let alerts = top.value("alerts").map { readAlerts($0) } ?? []
        let conflicts = top.value("conflicts").flatMap { readConflicts($0) }
        let compiledAlerts = compileAlerts(alerts)
        let reports = top.value("reports").map { readReports($0) } ?? []
        let compliance = top.value("compliance").flatMap { readCompliance($0) }
        let forecast = top.value("forecast").flatMap { readForecast($0) }
        let pool = top.value("pool").flatMap { readPool($0, followup: followup) }
        let care = top.value("care").flatMap { readCare($0) }
        let leadSources = top.value("lead_sources").flatMap { readLeadSources($0) }
        let sales = top.value("sales").flatMap { readSales($0) }
        guard let version, let zone else { return nil }
        var rules = Rules(
            file: r.file, version: version, zone: zone, locale: locale, calendar: calendar, classes: classes,
            followup: followup, attendance: attendance, penalties: penalties, scoring: scoring, quotas: quotas,
            alerts: alerts, conflicts: conflicts)
        rules.compiledAlerts = compiledAlerts
        rules.reports = reports
        rules.compliance = compliance
        rules.forecast = forecast
        rules.pool = pool
        rules.care = care
        rules.contactMethods = contactMethods
        rules.leadSources = leadSources
        rules.sales = sales
        rules.repReferences = repReferences
        rules.managerOnlyNotify = managerOnlyNotify
        rules.warnings = r.warnings
        return rules
    }

    /// Region tags a Chinese office writes (`zh-CN`, `zh-TW`) name the script to use.
    static let chineseRegions: [String: String] = [
        "zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-my": "zh-Hans",
        "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant",
    ]

    private mutating func readLocale(_ node: YAMLNode) -> NoticeLocale? {
        if case .scalar(let text, _) = node.content,
            let script = Self.chineseRegions[text.lowercased().replacingOccurrences(of: "_", with: "-")]
        {
            r.error(
                node.location,
                "unknown locale '\(NodeReader.clip(text))'; did you mean '\(script)'? (Chinese is named by its script: "
                    + "zh-Hans simplified, zh-Hant traditional)")
            return nil
        }
        return r.choice(node, kind: "locale", as: NoticeLocale.self)
    }

    private mutating func readVersion(_ top: YAMLMapping) -> Int? {
        guard let node = top.value("version") else {
            r.error(top.location, "the rules file is missing 'version'; add 'version: 1' as its first line")
            return nil
        }
        guard let version = r.int(node, "'version'") else { return nil }
        guard version == 1 else {
            r.error(node.location, "unsupported 'version: \(version)'; this tickler reads rules files with 'version: 1'")
            return nil
        }
        return version
    }

    private mutating func readZone(_ top: YAMLMapping) -> Zone? {
        guard let node = r.required(top, "timezone", example: "Asia/Shanghai"),
            let name = r.string(node, "'timezone'")
        else { return nil }
        switch TimezoneName.zone(name) {
        case .success(let zone): return zone
        case .failure(let problem):
            if let text = problem.text { r.error(node.location, text) } else { r.error(node.location, problem.message) }
            return nil
        }
    }

    private mutating func readClassNames(_ node: YAMLNode) -> [String]? {
        guard let items = r.list(node, "'classes'") else { return nil }
        var names: [String] = []
        for item in items {
            guard let name = r.string(item, "a class") else { continue }
            guard RulesReader.isIdentifier(name) else {
                r.error(item.location, "class '\(NodeReader.clip(name))' must be a short name of letters, digits, '-', '_' or '.'")
                continue
            }
            if names.contains(name) {
                r.error(item.location, "class '\(name)' is listed twice in 'classes'; keep one")
                continue
            }
            names.append(name)
        }
        if names.isEmpty {
            r.error(node.location, "'classes' needs at least one class, e.g. [A, B, C]")
            return nil
        }
        return names
    }

    private mutating func readCalendar(_ node: YAMLNode) -> BusinessCalendar? {
        let keys = ["workdays", "holidays", "extra_workdays", "office_hours"]
        guard let m = r.mapping(node, in: "'calendar'", allowed: keys) else { return nil }
        var calendar = BusinessCalendar()
        if let node = m.value("workdays"), let items = r.list(node, "'workdays'") {
            calendar.workdays = Set(items.compactMap { r.choice($0, kind: "weekday", as: Weekday.self) })
            if items.isEmpty {
                r.error(
                    node.location,
                    "'workdays' is empty: nothing would ever be due or charged; list the working days, e.g. "
                        + "[mon, tue, wed, thu, fri], or leave 'workdays' out for Monday to Friday")
            }
        }
        var holidays: [LocalDate: SourceLocation] = [:]
        if let node = m.value("holidays"), let items = r.list(node, "'holidays'") {
            for item in items { if let date = r.date(item, "a holiday") { holidays[date] = item.location } }
            calendar.holidays = Set(holidays.keys)
        }
        if let node = m.value("extra_workdays"), let items = r.list(node, "'extra_workdays'") {
            for item in items {
                guard let date = r.date(item, "an extra workday") else { continue }
                if let holiday = holidays[date] {
                    r.error(
                        item.location,
                        "\(date) is both a holiday (line \(holiday.line)) and an extra workday; remove it from one list")
                    continue
                }
                calendar.extraWorkdays.insert(date)
            }
        }
        if let node = m.value("office_hours") { calendar.officeHours = r.timeWindow(node, "'office_hours'") }
        return calendar
    }

    // MARK: Shared pieces

    /// `notify:` — `rep`, `manager` or a rep id; a single name is taken as a one-name list.
    mutating func readRecipients(_ node: YAMLNode, default fallback: [Recipient]) -> [Recipient] {
        guard !node.isNull, let items = r.list(node, "'notify'", allowSingle: true) else { return fallback }
        if items.isEmpty {
            r.error(node.location, "'notify' needs at least one recipient: rep, manager or a rep id")
            return fallback
        }
        var result: [Recipient] = []
        for item in items {
            guard let name = r.string(item, "a 'notify' recipient") else { continue }
            guard RulesReader.isIdentifier(name) else {
                r.error(
                    item.location,
                    "'\(NodeReader.clip(name))' is not a recipient; write rep, manager or a rep id "
                        + "(letters, digits, '-', '_', '.')")
                continue
            }
            if case .scalar(_, .plain) = item.content, Self.yesNoWords.contains(name.lowercased()) {
                r.error(
                    item.location,
                    "'\(name)' is not a recipient (YAML reads no/yes/true/false/on/off as yes-or-no); 'notify' names "
                        + "who gets the notice: rep, manager or a rep id. Leave 'notify' out for the default recipients")
                continue
            }
            if name != "manager", NearestName.suggestion(for: name, among: ["manager"]) != nil {
                r.error(item.location, "unknown recipient '\(name)'; did you mean 'manager'?")
                continue
            }
            if name != "manager", name != "rep" {
                repReferences.append(RepReference(id: name, location: item.location, use: .notify))
            }
            result.append(Recipient(name))
        }
        if !result.isEmpty, result.allSatisfy({ $0 == .manager }) { managerOnlyNotify.append(node.location) }
        return result
    }

    /// `notify` left out where the default is `[manager]`: recorded like a written `[manager]`.
    mutating func defaultManagerOnly(_ m: YAMLMapping, at location: SourceLocation) {
        if m.value("notify") == nil { managerOnlyNotify.append(location) }
    }

    /// `fine:` and `points:` of `m` (both optional, never negative); `nil` when neither is given.
    mutating func readPenalty(_ m: YAMLMapping) -> Penalty? {
        guard m.has("fine") || m.has("points") else { return nil }
        let fine = m.value("fine").flatMap { r.money($0, "'fine'", in: 0...1_000_000_000) } ?? 0
        let points = m.value("points").flatMap { r.int($0, "'points'", in: 0...1_000_000) } ?? 0
        return Penalty(fine: fine, points: points)
    }

    /// A name that must be unique among `seen`; records the clash and returns `nil` on a repeat.
    mutating func uniqueName(
        _ m: YAMLMapping, _ key: String, kind: String, example: String, seen: inout [String: SourceLocation]
    ) -> String? {
        guard let node = r.required(m, key, example: example), let name = r.string(node, "'\(key)'") else { return nil }
        if let first = seen[name] {
            r.error(node.location, "\(kind) '\(NodeReader.clip(name))' is already used at line \(first.line); give each its own \(key)")
            return nil
        }
        seen[name] = node.location
        return name
    }

    /// Plain YAML words that mean yes or no: never a recipient.
    static let yesNoWords: Set<String> = ["no", "yes", "true", "false", "on", "off", "y", "n", "none", "nobody"]

    /// Letters, digits, `-`, `_` and `.`, not empty: ids of reps, events, classes.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100
            && text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
    }
}
