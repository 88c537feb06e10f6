/// A rep id written in the rules (`notify: [boss]`, `goals: { R01: 100000 }`), kept with its
/// position so that `tickler check --store` can say where an unknown id is.
package struct RepReference: Sendable, Hashable {
    /// Where the id is used.
    package enum Use: String, Sendable, Hashable {
        /// A `notify` recipient.
        case notify
        /// A key of `forecast.goals`.
        case goal
        /// A rep id in a report's `to`.
        case reportTo
    }

    package var id: String
    package var location: SourceLocation
    package var use: Use

    package init(id: String, location: SourceLocation, use: Use) {
        self.id = id
        self.location = location
        self.use = use
    }

    /// Each reference to a rep `reps` does not hold: a warning, or an error when a known rep id
    /// (or a role) is so close that it is surely a typo.
    package static func check(_ references: [RepReference], reps: some Collection<String>) -> [Diagnostic] {
        let known = Set(reps)
        guard !known.isEmpty else { return [] }
        return references.filter { !known.contains($0.id) }.map { reference in
            let key = reference.use == .notify ? "notify" : "to"
            let id = reference.id
            if let near = NearestName.suggestion(for: id, among: known.sorted()) {
                let text =
                    reference.use == .goal ? DiagnosticText(.repGoalNear, id, near) : DiagnosticText(.repNamedNear, key, id, near)
                return Diagnostic(reference.location, text)
            }
            let text = reference.use == .goal ? DiagnosticText(.repGoalUnknown, id) : DiagnosticText(.repNamedUnknown, key, id)
            return Diagnostic(reference.location, text, severity: .warning)
        }
    }
}
