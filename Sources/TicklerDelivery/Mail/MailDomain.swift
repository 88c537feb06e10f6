import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The domain of the addresses the mail channel writes for local mailboxes
/// (`channels.mail.domain`): a spool or Maildir message to the mailbox `kovacsp` is
/// addressed `To: Kovács Péter <kovacsp@DOMAIN>`, since an address without a domain is a
/// defect to mail readers (Python's `email`) and to MTAs.
package enum MailDomain {
    /// Why `text` is not a mail domain, or `nil` when it is one: ASCII labels of letters,
    /// digits and `-` (not first or last), 1 to 63 characters each, separated by single
    /// dots, at most 253 characters in all. One label (`officepc`, a host's name) is allowed.
    package static func problem(with text: String) -> String? {
        guard !text.isEmpty else { return "the mail domain is empty" }
        guard text.utf8.count <= 253 else { return "a mail domain has at most 253 characters" }
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty else { return "'\(text)' has an empty label (two dots, or a dot at an end)" }
            guard label.utf8.count <= 63 else { return "a label of a mail domain has at most 63 characters" }
            guard label.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
            else {
                return "'\(text)' holds characters a mail domain cannot have; use letters, digits, '-' and '.' "
                    + "(an internationalized domain in its xn-- form)"
            }
            guard !label.hasPrefix("-"), !label.hasSuffix("-") else { return "a label of '\(text)' starts or ends with '-'" }
        }
        return nil
    }

    /// The host's name (`gethostname(2)`) in lower case when it is a valid mail domain,
    /// else `localhost`: the default of `channels.mail.domain`.
    package static func hostDefault() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
        return problem(with: name) == nil ? name : "localhost"
    }

    /// `local@domain` for a bare local name; an address that already has a domain as it is.
    package static func qualified(_ local: String, domain: String) -> String {
        local.contains("@") ? local : local + "@" + domain
    }
}
