/// A parsed and validated rules file (`version: 1`), the sales manager's rulebook.
///
/// Built only by ``RulesParser``; every section is optional except `version` and
/// `timezone`, and an absent section simply never fires.
package struct Rules: Sendable {
    /// Where the rules came from, for messages and `explain`.
    package var file: String
    package var version: Int
    package var zone: Zone
    package var locale: NoticeLocale
    package var calendar: BusinessCalendar
    /// Customer classes the rules know (default `A`, `B`, `C`); store records with another
    /// class are reported and skipped.
    package var classes: [String]
    package var followup: FollowupRule?
    package var attendance: AttendanceRule?
    package var penalties: [PenaltyRule]
    package var scoring: ScoringRule?
    package var quotas: [QuotaRule]
    package var alerts: [AlertRule]
    package var conflicts: ConflictRule?
    /// `alerts` with their expressions type-checked (set by the parser; evaluated in order).
    package var compiledAlerts: [CompiledAlert] = []
    /// Scheduled manager reports (`reports:`), in file order.
    package var reports: [ReportRule] = []
    /// Daily plan and report filing (`compliance:`, seed 004).
    package var compliance: ComplianceRule?
    /// Pipeline forecast and its goals (`forecast:`, seed 000).
    package var forecast: ForecastRule?
    /// Reclaiming neglected customers to the shared pool (`pool:`).
    package var pool: PoolRule?
    /// Key-customer care (`care:`, seed 004).
    package var care: CareRule?
    /// The office's contact methods (`contact_methods:`); `nil`: the five built-in ones.
    package var contactMethods: OfficeContactMethods?
    /// Where customers come from (`lead_sources:`), in report row order; `nil`: as found.
    package var leadSources: LeadSources?
    /// Sales goals per month and quarter (`sales:`).
    package var sales: SalesRule?
    /// Rep ids named in the file (`notify`, `goals`, a report's `to`), checked against a store by `tickler check --store`.
    package var repReferences: [RepReference] = []
    /// Where a `notify` list names only `manager` (written, or the default of `quotas` and
    /// `conflicts`): `tickler check --store` warns when a rep has no manager for it.
    package var managerOnlyNotify: [SourceLocation] = []
    /// What `tickler check` prints as warnings: allowed, but probably not meant.
    package var warnings: [Diagnostic] = []

    package init(
        file: String, version: Int = 1, zone: Zone, locale: NoticeLocale = .en,
        calendar: BusinessCalendar = BusinessCalendar(), classes: [String] = ["A", "B", "C"],
        followup: FollowupRule? = nil, attendance: AttendanceRule? = nil, penalties: [PenaltyRule] = [],
        scoring: ScoringRule? = nil, quotas: [QuotaRule] = [], alerts: [AlertRule] = [],
        conflicts: ConflictRule? = nil
    ) {
        self.file = file
        self.version = version
        self.zone = zone
        self.locale = locale
        self.calendar = calendar
        self.classes = classes
        self.followup = followup
        self.attendance = attendance
        self.penalties = penalties
        self.scoring = scoring
        self.quotas = quotas
        self.alerts = alerts
        self.conflicts = conflicts
    }
}
