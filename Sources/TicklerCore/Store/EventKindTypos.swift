/// Store events whose `event` is a near miss of an event the rules charge (`late_greting` for
/// `late_greeting`): never charged, without a word, unless `tickler check --store` says so.
/// Other event kinds are left alone: a CRM records events no penalty is about, and alerts
/// (`for: events`) may use them.
package enum EventKindTypos {
    /// One error per misspelt event kind, at its first record, with did-you-mean and the
    /// number of records that carry it. `path` turns a record's origin into the file name to
    /// print.
    package static func errors(in snapshot: Snapshot, rules: Rules, path: (String) -> String = { $0 }) -> [Diagnostic] {
        let charged = Set(rules.penalties.map(\.event))
        guard !charged.isEmpty else { return [] }
        var first: [String: RecordOrigin] = [:]
        var count: [String: Int] = [:]
        var order: [String] = []
        for event in snapshot.events where !charged.contains(event.event) {
            if first[event.event] == nil {
                first[event.event] = event.origin
                order.append(event.event)
            }
            count[event.event, default: 0] += 1
        }
        return order.compactMap { kind in
            guard let near = NearestName.suggestion(for: kind, among: charged.sorted()), let origin = first[kind] else {
                return nil
            }
            let n = count[kind, default: 1]
            let records = n == 1 ? "this record" : "this record and \(n - 1) more"
            return Diagnostic(
                SourceLocation(file: path(origin.file), line: origin.line),
                "event '\(kind)' is not in the rules' penalties; did you mean '\(near)'? (\(records) would never be "
                    + "charged); fix the event name in the store, or add a penalty for it")
        }
    }
}
