extension DiagnosticText {
    /// The English template of every key: the diagnostic's `message` and the fallback.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    package static func english(_ key: Key) -> String {
        switch key {
        case .tabIndent: "a tab is used for indentation here; tabs are not allowed in YAML: indent with spaces"
        case .fullWidthSpaceIndent: "a full-width space '\u{3000}' is used for indentation here; indent with ASCII spaces"
        case .fullWidthCharacter: "{0} '{1}' here; YAML needs the ASCII '{2}' (switch the input method to half-width)"
        case .fullWidthQuote:
            "{0} '{1}' here; YAML needs the ASCII '{2}' (switch the input method to half-width), or put the whole value in ASCII quotes to keep it as text"
        case .missingSpaceAfterColon: "missing space after the colon of '{0}:'; write '{0}: ' followed by the value"
        case .listItemIndent:
            "this list item is indented {0} spaces, out of line with the list it belongs to; put the '-' of every item of a list in the same column"
        case .listItemIndentBeside:
            "this list item is indented {0} spaces, out of line with the list it belongs to (the item before it has its '-' in column {1}); put the '-' of every item of a list in the same column"
        case .unknownKeyNear: "unknown key '{0}' in {1}; did you mean '{2}'?"
        case .unknownKeyList: "unknown key '{0}' in {1}; use one of: {2}"
        case .unknownClassNear: "unknown class '{0}'; did you mean '{1}'?"
        case .unknownClassList: "unknown class '{0}'; use one of: {1}"
        case .missingKey: "{0} is missing '{1}'; add e.g. '{1}: {2}'"
        case .keyNeedsValue: "'{0}' in {1} needs a value, e.g. '{0}: {2}'"
        case .notMapping: "{0} must be a mapping of 'key: value' lines, not {1}"
        case .notList: "{0} must be a list, e.g. [a, b] or lines starting with '- ', not {1}"
        case .mustBe: "{0} must be {1}, not {2}"
        case .notText: "{0} must be a text value, not {1}"
        case .emptyValue: "{0} needs a value; it is empty"
        case .notWholeNumber: "{0} must be a whole number, e.g. 10, not '{1}'"
        case .notNumber: "{0} must be a number, e.g. 10 or 12.50, not '{1}'"
        case .atLeast: "{0} must be at least {1}, not {2}"
        case .atMost: "{0} must be at most {1}, not {2}"
        case .notTrueFalse: "{0} must be true or false, not '{1}'"
        case .notDuration: "{0} must be a duration: a whole number and a unit, {1}; not '{2}'"
        case .notTimeOfDay: "{0} must be a time of day HH:MM between 00:00 and 23:59, e.g. \"08:30\"; not '{1}'"
        case .notDate: "{0} must be a real date written YYYY-MM-DD, e.g. 2026-10-01; not '{1}'"
        case .timezoneUnknownNear: "unknown timezone '{0}'; did you mean '{1}'?"
        case .timezoneNotUTC: "timezone '{0}' is not accepted; did you mean 'UTC'?"
        case .timezoneUnknown:
            "unknown timezone '{0}'; write an IANA name of the office's place, such as Asia/Shanghai or Europe/Madrid, or UTC"
        case .repNamedNear: "'{0}' names rep '{1}', which is not in the store's reps; did you mean '{2}'?"
        case .repNamedUnknown:
            "'{0}' names rep '{1}', which is not in the store's reps: nobody receives what is sent to it; add the rep to the store or fix the id"
        case .repGoalNear: "'goals' has a goal for rep '{0}', which is not in the store's reps; did you mean '{1}'?"
        case .repGoalUnknown:
            "'goals' has a goal for rep '{0}', which is not in the store's reps: that goal is never compared; add the rep to the store or fix the id"
        }
    }

    /// The English words of every phrase.
    package static func english(_ phrase: Phrase) -> String {
        switch phrase {
        case .aMapping: "a mapping"
        case .aList: "a list"
        case .nothing: "nothing"
        case .aWholeNumber: "a whole number"
        case .aNumber: "a number"
        case .trueOrFalse: "true or false"
        case .aName: "a name"
        case .aDuration: "a duration such as 30m or 7d"
        case .aTimeOfDay: "a time of day HH:MM"
        case .aDate: "a date YYYY-MM-DD"
        case .hours: "hours like \"08:30-18:00\""
        case .fullWidthColon: "full-width colon"
        case .fullWidthComma: "full-width comma"
        case .ideographicComma: "ideographic comma"
        case .curlyQuote: "curly quote"
        case .fullWidthQuote: "full-width quote"
        case .fullWidthBracket: "full-width bracket"
        case .fullWidthBrace: "full-width brace"
        case .fullWidthHyphen: "full-width hyphen"
        case .theRulesFile: "the rules file"
        case .anAlert: "an alert"
        case .aPenalty: "a penalty"
        case .aReport: "a report"
        case .aQuota: "a quota"
        case .aLatenessTier: "a lateness tier"
        case .aLadderStep: "a 'ladder' step"
        case .anOverdueStep: "an 'overdue' step"
        case .aContactMethod: "a contact method"
        case .aLeadSource: "a lead source"
        case .aTestCase: "a test case"
        case .theTestFile: "the test file"
        case .theInlineStore: "the inline store"
        }
    }
}
