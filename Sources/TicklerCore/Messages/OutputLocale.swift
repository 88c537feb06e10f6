/// The language a command prints in for people (`explain`, `ledger`, `report`, `pool`,
/// `test`, `check`).
///
/// `--locale` when given; otherwise English when the environment asks for the C locale
/// (`LC_ALL`, else `LC_MESSAGES`, else `LANG` is `C`, `POSIX` or `C.*`, as for logs and
/// scripts); otherwise the rules' `locale`. The environment is passed in: the core reads none.
package enum OutputLocale {
    package static func choose(option: NoticeLocale?, rules: NoticeLocale, environment: [String: String]) -> NoticeLocale {
        if let option { return option }
        return wantsC(environment) ? .en : rules
    }

    /// Whether the effective message locale of `environment` is C/POSIX.
    package static func wantsC(_ environment: [String: String]) -> Bool {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let value else { return false }
        return value == "C" || value == "POSIX" || value.hasPrefix("C.")
    }
}
