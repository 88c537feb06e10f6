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
}
