extension NoticeLocale {
    /// The text of `locale` among the five written for a notice, in the order of the cases:
    /// `pick(l, "Rewards", "Recompensas", "Jutalmak", "奖励", "獎勵")`.
    static func pick(_ locale: NoticeLocale, _ en: String, _ es: String, _ hu: String, _ hans: String, _ hant: String)
        -> String
    {
        switch locale {
        case .en: en
        case .es: es
        case .hu: hu
        case .zhHans: hans
        case .zhHant: hant
        }
    }

    /// As ``pick(_:_:_:_:_:_:)`` with the five texts as one tuple, as the report labels keep them.
    static func pick(_ locale: NoticeLocale, _ t: (String, String, String, String, String)) -> String {
        pick(locale, t.0, t.1, t.2, t.3, t.4)
    }
}
