import ArgumentParser
import Foundation
import TicklerCore

/// `--locale`, shared by the commands that print for people.
struct LocaleOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of the output: en, es, hu, zh-Hans or zh-Hant. Default: the rules' locale; English when LC_ALL, LC_MESSAGES or LANG is C or POSIX (logs).",
            valueName: "LOCALE"))
    var locale: String?

    func validate() throws {
        if let locale, NoticeLocale(rawValue: locale) == nil {
            let names = NoticeLocale.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--locale '\(locale)' is not a supported language: use one of \(names)")
        }
    }

    /// The language to print in for rules written in `rules` (`nil`: rules not read yet).
    func chosen(rules: NoticeLocale?) -> NoticeLocale {
        OutputLocale.choose(
            option: locale.flatMap(NoticeLocale.init(rawValue:)), rules: rules ?? .en,
            environment: ProcessInfo.processInfo.environment)
    }
}
