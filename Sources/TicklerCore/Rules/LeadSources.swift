/// `lead_sources:` — where an office's customers come from (seed 000's "fuente del plomo",
/// seed 002's "de dónde provino el contacto"): the names customers' `source` uses, in the
/// order of the report's rows, each with an optional label per language.
///
/// Optional: without it a report lists every source found in the store as written. With
/// it, `tickler check --store` names a customer whose source is a near miss of a listed one
/// (`feria_madird` for `feria_madrid`), which would otherwise be counted apart.
package struct LeadSources: Sendable {
    package struct Entry: Sendable, Hashable {
        /// The value customers' `source` holds (`trade_fair`, `internet`, `referral`).
        package var name: String
        package var label: LocalizedLabel?
        package var location: SourceLocation

        package init(name: String, label: LocalizedLabel? = nil, location: SourceLocation) {
            self.name = name
            self.label = label
            self.location = location
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) {
        self.entries = entries
    }

    package var names: [String] { entries.map(\.name) }

    package func label(of source: String) -> LocalizedLabel? {
        entries.first { $0.name == source }?.label
    }
}
