internal import Foundation

/// The `locale:` of a rules file that does not parse, so that its errors can still be
/// printed in the manager's language.
package enum RulesLocaleScan {
    /// The value of the first top-level `locale: xx` line (quoted or not, a comment after it
    /// allowed), when it names a supported language; `nil` otherwise.
    package static func declaredLocale(in text: String) -> NoticeLocale? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.hasPrefix("locale:") else { continue }
            let value = line.dropFirst("locale:".count).split(separator: "#", maxSplits: 1).first ?? ""
            let name = value.trimmingCharacters(in: .whitespacesAndNewlines)
                .trimmingCharacters(in: .init(charactersIn: "\"'"))
            return NoticeLocale(rawValue: name)
        }
        return nil
    }
}
