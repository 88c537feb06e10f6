/// Turns a rule's `notify` list into rep ids for one rep concerned.
package struct RecipientResolver: Sendable {
    package var snapshot: Snapshot

    package init(snapshot: Snapshot) {
        self.snapshot = snapshot
    }

    /// Ids in `notify` order without duplicates. `manager` is dropped when the rep has none
    /// (the rep still gets the notice where `rep` is listed).
    package func resolve(_ notify: [Recipient], rep: String) -> [String] {
        var ids: [String] = []
        for recipient in notify {
            let id: String?
            switch recipient {
            case .rep: id = rep
            case .manager: id = snapshot.rep(rep)?.manager
            case .id(let fixed): id = fixed
            }
            if let id, !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
