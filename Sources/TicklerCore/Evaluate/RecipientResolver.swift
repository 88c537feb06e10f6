/// Turns a rule's `notify` list into rep ids for one rep concerned.
package struct RecipientResolver: Sendable {
    package var snapshot: Snapshot

    package init(snapshot: Snapshot) {
        self.snapshot = snapshot
    }

    /// Ids in `notify` order without duplicates. A notice is never addressed to nobody: for a
    /// rep without a manager (the top of the office, or a rep whose manager is not set),
    /// `manager` means the rep, who is the one left to act. `tickler check --store` warns
    /// about such reps where a list names only `manager` (``ManagerlessReps``).
    package func resolve(_ notify: [Recipient], rep: String) -> [String] {
        var ids: [String] = []
        for recipient in notify {
            let id: String?
            switch recipient {
            case .rep: id = rep
            case .manager: id = snapshot.rep(rep)?.manager ?? rep
            case .id(let fixed): id = fixed
            }
            if let id, !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
