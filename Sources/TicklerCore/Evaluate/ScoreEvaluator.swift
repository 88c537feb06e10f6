package import Foundation

/// Scores (SPEC `scoring`): every rep starts each period with `start` points; the points of
/// every charge in the period are deducted; below `warn_below` a `score_low` notice goes out,
/// once per rep and period.
package struct ScoreEvaluator: Sendable {
    package var rule: ScoringRule
    package var locale: NoticeLocale

    package init(rule: ScoringRule, locale: NoticeLocale) {
        self.rule = rule
        self.locale = locale
    }

    /// A rep's score in a period, with the charges that made it (for `explain` and the ledger).
    package struct Score: Sendable, Hashable {
        package var rep: String
        package var period: CalendarPeriod
        package var points: Int
        package var fines: Decimal
        package var charges: [LedgerEntry]
    }

    /// Scores of every rep with charges in the period containing `today`, plus reps with none.
    package func scores(ledger: [LedgerEntry], reps: [Rep], today: LocalDate) -> [Score] {
        let period = CalendarPeriod(rule.period, containing: today)
        var byRep: [String: [LedgerEntry]] = [:]
        var seen = Set<String>()
        for entry in ledger where period.contains(entry.date) && seen.insert(entry.key).inserted {
            byRep[entry.rep, default: []].append(entry)
        }
        let ids = Set(reps.map(\.id)).union(byRep.keys).sorted()
        return ids.map { id in
            let charges = (byRep[id] ?? []).sorted { ($0.date, $0.key) < ($1.date, $1.key) }
            return Score(
                rep: id, period: period, points: rule.start - charges.reduce(0) { $0 + $1.points },
                fines: charges.reduce(Decimal(0)) { $0 + $1.fine }, charges: charges)
        }
    }

    /// `score_low` notices for the scores under `warn_below`.
    package func notices(_ scores: [Score], resolver: RecipientResolver) -> [Notice] {
        scores.filter { $0.points < rule.warnBelow }.map { score in
            let facts = NoticeFacts.score(
                .init(
                    repName: resolver.snapshot.rep(score.rep)?.name ?? score.rep, period: score.period.description,
                    points: score.points, warnBelow: rule.warnBelow))
            return Notice(
                key: "score_low/\(score.rep)/\(score.period)", kind: .scoreLow, rule: "scoring", rep: score.rep,
                to: resolver.resolve(rule.notify, rep: score.rep),
                message: NoticeText.render(.scoreLow, facts, locale: locale), date: score.period.start, facts: facts)
        }
    }
}
