/// The `tickler check --store` warning for a `notify` list that names only `manager` while
/// some reps have no manager: their notices of that rule go to the rep instead (a notice is
/// never addressed to nobody, see ``RecipientResolver``). Reps who manage others are left
/// out: the top of the office has no manager by design.
package enum ManagerlessReps {
    /// At most this many rep ids are named in one warning; the rest are counted.
    static let namedAtMost = 5

    /// One warning per manager-only `notify` list of `rules`, when any rep of `snapshot`
    /// that manages nobody has no manager.
    package static func warnings(_ rules: Rules, _ snapshot: Snapshot) -> [Diagnostic] {
        let managers = Set(snapshot.reps.compactMap(\.manager))
        let alone = snapshot.reps.filter { $0.manager == nil && !managers.contains($0.id) }.map(\.id)
        guard !alone.isEmpty else { return [] }
        var names = alone.prefix(namedAtMost).map { "'\($0)'" }.joined(separator: ", ")
        if alone.count > namedAtMost { names += " and \(alone.count - namedAtMost) more" }
        let reps = alone.count == 1 ? "rep \(names) has" : "reps \(names) have"
        return rules.managerOnlyNotify.map { location in
            Diagnostic(
                location,
                "this notice goes to the rep's manager, but \(reps) no manager: theirs go to the rep "
                    + "instead; set 'manager' in the store's reps, or add a fixed recipient to 'notify'",
                severity: .warning)
        }
    }
}
