/// Customers whose `source` is a near miss of a listed lead source (`referal` for
/// `referral`): counted under a source of their own, without a word, unless
/// `tickler check --store` says so. Sources with no near name are left alone (a new source
/// the rules do not list yet gets its own row in reports).
package enum LeadSourceTypos {
    /// One error per misspelt source, at its first customer, with did-you-mean and the
    /// number of customers that carry it.
    package static func errors(in snapshot: Snapshot, rules: Rules, path: (String) -> String = { $0 }) -> [Diagnostic] {
        guard let listed = rules.leadSources?.names, !listed.isEmpty else { return [] }
        var first: [String: RecordOrigin] = [:]
        var count: [String: Int] = [:]
        var order: [String] = []
        for customer in snapshot.customers {
            guard let source = customer.source, !listed.contains(source) else { continue }
            if first[source] == nil {
                first[source] = customer.origin
                order.append(source)
            }
            count[source, default: 0] += 1
        }
        return order.compactMap { source in
            guard let near = NodeReader.suggestion(for: source, among: listed), let origin = first[source] else { return nil }
            let n = count[source, default: 1]
            let records = n == 1 ? "this customer" : "this customer and \(n - 1) more"
            return Diagnostic(
                SourceLocation(file: path(origin.file), line: origin.line),
                "source '\(source)' is not in the rules' lead_sources; did you mean '\(near)'? (\(records) would be "
                    + "counted apart in reports); fix the source in the store, or list it in 'lead_sources'")
        }
    }
}
