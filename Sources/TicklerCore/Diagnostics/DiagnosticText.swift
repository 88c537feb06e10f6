/// The translatable text of a ``Diagnostic``: a ``Key`` and its values (issue 17 item 8).
///
/// Each key has an English template (``english(_:)``, exhaustive) and a translation per
/// language (`DiagnosticText+Spanish.swift`, ...); `{0}`, `{1}`, ... are the values, in any
/// order the language needs. Names, keys and values the user wrote stay as written; the few
/// words Tickler itself puts in a value ("a list", "full-width colon") are ``Phrase``s and are
/// translated too. A diagnostic without a key prints its English `message` in every language.
package struct DiagnosticText: Sendable, Hashable {
    package enum Key: String, CaseIterable, Sendable {
        // YAML typos (YAMLTypos, YAMLIndentation)
        case tabIndent, fullWidthSpaceIndent, fullWidthCharacter, fullWidthQuote, missingSpaceAfterColon
        case listItemIndent, listItemIndentBeside
        // structure (NodeReader)
        case unknownKeyNear, unknownKeyList, unknownClassNear, unknownClassList
        case missingKey, keyNeedsValue, notMapping, notList, mustBe, notText, emptyValue
        // values (NodeReader, NodeReader+Values)
        case notWholeNumber, notNumber, atLeast, atMost, notTrueFalse, notDuration, notTimeOfDay, notDate
        // timezone (TimezoneName), rep ids in the rules against the store (RepReference)
        case timezoneUnknownNear, timezoneNotUTC, timezoneUnknown
        case repNamedNear, repNamedUnknown, repGoalNear, repGoalUnknown
    }

    /// A few words Tickler puts into a message: what a node is, what was expected, the name
    /// of a full-width character.
    package enum Phrase: String, CaseIterable, Sendable {
        case aMapping, aList, nothing
        case aWholeNumber, aNumber, trueOrFalse, aName, aDuration, aTimeOfDay, aDate, hours
        case fullWidthColon, fullWidthComma, ideographicComma, curlyQuote, fullWidthQuote, fullWidthBracket
        case fullWidthBrace, fullWidthHyphen
        // the places Tickler names in messages ("unknown key 'x' in the rules file")
        case theRulesFile, anAlert, aPenalty, aReport, aQuota, aLatenessTier, aLadderStep, anOverdueStep
        case aContactMethod, aLeadSource, aTestCase, theTestFile, theInlineStore
    }

    /// A value of a message: text as the user wrote it, or a ``Phrase`` said in the language.
    package enum Value: Sendable, Hashable {
        case text(String)
        case phrase(Phrase)

        /// A place or value named in a message: the phrase when Tickler wrote it in English
        /// ("the rules file", "an alert"), else the user's text as it is (`'followup'`).
        package static func name(_ text: String) -> Value {
            Phrase.byEnglish[text].map(Value.phrase) ?? .text(text)
        }
    }

    package var key: Key
    package var values: [Value]

    package init(_ key: Key, _ values: [Value]) {
        self.key = key
        self.values = values
    }

    /// A text whose values are names (``Value/name(_:)``) or the user's text.
    package init(_ key: Key, _ values: String...) {
        self.init(key, values.map(Value.name))
    }

    /// The English text: the `message` of the diagnostic, for logs, JSON and tests.
    package var english: String { text(in: .en) }

    /// The text in `locale`: the translation, or English where the language has none.
    package func text(in locale: NoticeLocale) -> String {
        let template = Self.translation(key, locale) ?? Self.english(key)
        let chinese = locale == .zhHans || locale == .zhHant
        let filled = values.map { value in
            let text =
                switch value {
                case .text(let text): text
                case .phrase(let phrase): Self.translation(phrase, locale) ?? Self.english(phrase)
                }
            return chinese ? ChineseSpacing.open + text + ChineseSpacing.close : text
        }
        let text = CommandText.fill(template, filled)
        return chinese ? ChineseSpacing.apply(text) : text
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

    /// The translation of `phrase`, or `nil` when `locale` has none.
    package static func translation(_ phrase: Phrase, _ locale: NoticeLocale) -> String? {
        switch locale {
        case .en: english(phrase)
        case .es: spanishPhrases[phrase]
        case .hu: hungarianPhrases[phrase]
        case .zhHans: simplifiedChinesePhrases[phrase]
        case .zhHant: traditionalChinesePhrases[phrase]
        }
    }

    /// The keys and phrases that `locale` still prints in English.
    package static func untranslated(_ locale: NoticeLocale) -> [String] {
        Key.allCases.filter { translation($0, locale) == nil }.map(\.rawValue)
            + Phrase.allCases.filter { translation($0, locale) == nil }.map(\.rawValue)
    }
}

extension DiagnosticText.Phrase {
    /// The phrases by their English words, to recognise a place Tickler named in English.
    static let byEnglish: [String: Self] = Dictionary(
        allCases.map { (DiagnosticText.english($0), $0) }, uniquingKeysWith: { first, _ in first })
}
