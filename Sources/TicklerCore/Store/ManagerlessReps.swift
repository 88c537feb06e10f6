/// The `tickler check --store` warnings about recipients the store cannot give: a `notify`
/// list that names only `manager` while some reps have no manager (their notices of that
/// rule go to the rep instead, see ``RecipientResolver``; reps who manage others are left
/// out: the top of the office has no manager by design), and a report whose `to` (`managers`
/// or `reps`) matches nobody in the store, so that it would reach nobody.
package enum ManagerlessReps {
    /// At most this many rep ids are named in one warning; the rest are counted.
    static let namedAtMost = 5

    /// One warning per report that reaches nobody, then one per manager-only `notify` list
    /// of `rules` when any rep of `snapshot` that manages nobody has no manager.
    package static func warnings(_ rules: Rules, _ snapshot: Snapshot) -> [Diagnostic] {
        reportWarnings(rules, snapshot) + notifyWarnings(rules, snapshot)
    }

    /// A report that goes to nobody: `to: [managers]` with no rep managing anyone, or
    /// `to: [reps]` with no rep that has a manager.
    private static func reportWarnings(_ rules: Rules, _ snapshot: Snapshot) -> [Diagnostic] {
        guard !snapshot.reps.isEmpty else { return [] }
        let evaluator = ReportEvaluator(rules: rules)
        return rules.reports.filter { evaluator.recipients($0.to, snapshot).isEmpty }.map { rule in
            Diagnostic(
                rule.location,
                "report '\(rule.name)' goes to nobody: no rep in the store has a 'manager', so 'to' finds no managers "
                    + "and no reps under one; set 'manager' on the reps in the store, or name rep ids in 'to'",
                severity: .warning)
        }
    }

    private static func notifyWarnings(_ rules: Rules, _ snapshot: Snapshot) -> [Diagnostic] {
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
