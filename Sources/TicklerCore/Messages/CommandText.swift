/// What the commands print for people (`explain`, `ledger`, `pool`, `test`, `check`), in the
/// five supported languages.
///
/// Each ``Key`` has an English template (``english(_:)``, exhaustive: a new key does not
/// compile without it) and a translation per language in ``translations``; `{0}`, `{1}`, ...
/// are the values, in any order the language needs; `{0:day:days}` writes the value and the
/// noun in the right number. A key with no translation falls back
/// to English explicitly (``text(_:_:_:)``), and ``untranslated(_:)`` says which are left.
/// The `FILE:LINE:COLUMN:` diagnostics are translated by ``DiagnosticText``.
package enum CommandText {
    package enum Key: String, CaseIterable, Sendable {
        // explain: customer
        case customerHeader, customerRep, followupAt, noFollowupSection, conflictsHeader, noConflict, otherNotices
        case lastContact, methodNotGiven, noContact, noCadence, noCadenceOrStatus, noBasis, noFollowupNotice
        case cadence, cadenceFromContact, cadenceFromRegistration, nextContactFirst, movedFromHoliday, nextContactUnused
        case agreedPostponed, agreedPostponedCapped
        case dueAndReminders, notDueYet, dueToday, dueSoon, pastDue, ladderStep, stepApplies, stepReached, stepNotReached
        // explain: rep
        case repHeader, repNotInReps, repManager, repNoManager, eventWindow, penaltiesHeader, matchingEvents, noPenalty
        case followupsOfRep, attendanceHeader, noAttendance, notWorkingDay, holiday, notWorkday, excused, absent
        case onTime, lateTier, countsAsAbsent, noTier, nothingToJudge, upTo, over
        case scoreNoCharge, scoreLine, noScoreNotice, quotaLine, anyMethod, quotaCounts, managesOthers, noQuotaNotice
        case noticeLine, fine, points, minusPoints
        // ledger
        case ledgerHeader, ledgerEmpty, ledgerRep, ledgerScore, ledgerEntry, ledgerBonus, ledgerMinus, ledgerPlus
        // test
        case testSummary, testFixtureBad, testInlineBad
        // check
        case checkOK, storeCounts, badRecords, unknownRepIDs, rulesProblems
        // errors a user can meet after the rules are read
        case unknownCustomer, unknownRep, didYouMean, notYetRegistered, noReports, unknownReport, noPool
        // check: the summary of the rules
        case sumTimezone, sumLocale, sumFollowup, sumNoSteps, sumSteps, sumTiers, sumPenalties, sumScoring, sumQuotas
        case sumAlerts, sumConflicts, sumReports, sumCompliance, sumForecast, sumPool, sumCare
        case sumPostpone, sumPostponeAtMost, sumRewards, sumSales, sumCompleteWins, sumKeepFor, sumFestivals
        case sumContactMethods, sumLeadSources
        // words
        case statusNotSet, perDay, perWeek, perMonth, perQuarter, perYear
    }

    /// The text of `key` in `locale` with `values` in place of `{0}`, `{1}`, ...: the
    /// translation, or the English text when the language has none yet.
    package static func text(_ key: Key, _ locale: NoticeLocale, _ values: String...) -> String {
        text(key, locale, values)
    }

    /// As ``text(_:_:_:)-(_,_,String...)``, with the values as an array.
    package static func text(_ key: Key, _ locale: NoticeLocale, _ values: [String]) -> String {
        fill(translation(key, locale) ?? english(key), values)
    }

    /// "week", "semana", "hét", "周": the noun of a period kind (`per: week`).
    package static func periodNoun(_ kind: Period, _ locale: NoticeLocale) -> String {
        switch kind {
        case .day: text(.perDay, locale)
        case .week: text(.perWeek, locale)
        case .month: text(.perMonth, locale)
        case .quarter: text(.perQuarter, locale)
        case .year: text(.perYear, locale)
        }
    }

    /// The translation of `key`, or `nil` when `locale` has none (English has them all).
    package static func translation(_ key: Key, _ locale: NoticeLocale) -> String? {
        switch locale {
        case .en: english(key)
        case .es: spanish[key]
        case .hu: hungarian[key]
        case .zhHans: simplifiedChinese[key]
        case .zhHant: traditionalChinese[key]
        }
    }

    /// The keys that `locale` still prints in English.
    package static func untranslated(_ locale: NoticeLocale) -> [Key] {
        Key.allCases.filter { translation($0, locale) == nil }
    }

    /// One pass over the template, so a value that itself holds "{1}" stays as it is.
    static func fill(_ template: String, _ values: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let close = after.firstIndex(of: "}")
            let parts = close.map { after[..<$0].split(separator: ":", omittingEmptySubsequences: false) } ?? []
            if let close, let i = parts.first.flatMap({ Int($0) }), values.indices.contains(i) {
                // {0:day:days}: the value and the noun in the right number (English, Spanish).
                out += parts.count == 3 ? values[i] + " " + (values[i] == "1" ? parts[1] : parts[2]) : values[i]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
