/// A rep's `mailbox` (SPEC section 4: a local user), checked to be a plain user name before it
/// becomes a spool file (`/var/mail/NAME`), a Maildir or a `To:` header.
///
/// Accepted: 1 to ``maxLength`` bytes of ASCII letters, digits, `_`, `-` and `.`, starting with
/// a letter, digit or `_`, and optionally ending in `$` (Samba machine accounts), as
/// `useradd` accepts them on Debian, with no `..` and no `.lock` ending (the dotlock of another
/// mailbox in the spool). So `../x`, `a/b`, `root\r\nBcc: x`, `-f` and `.hidden` are
/// all refused with an ``IdentifierProblem`` that quotes the text safely.
package struct MailboxName: Sendable, Hashable, CustomStringConvertible {
    /// Longest user name accepted (Debian's `useradd` limit).
    package static let maxLength = 32

    /// The user name, unchanged.
    package let value: String

    /// Checks `text`; throws ``IdentifierProblem`` when it is not a plain local user name.
    package init(validating text: String) throws(IdentifierProblem) {
        if let problem = MailboxName.problem(with: text) { throw problem }
        value = text
    }

    /// `nil` when `text` is not a plain local user name.
    package init?(_ text: String) {
        guard MailboxName.problem(with: text) == nil else { return nil }
        value = text
    }

    /// What is wrong with `text` as a mailbox name, or `nil` when it is a plain user name.
    package static func problem(with text: String) -> IdentifierProblem? {
        if let problem = SafeIdentifier.problem(with: text, what: "mailbox") {
            return problem
        }
        let shown = IdentifierText.quoted(text)
        if text.utf8.count > maxLength {
            return IdentifierProblem(.tooLong, "the mailbox \(shown) is longer than \(maxLength) bytes, the limit for a user name")
        }
        let bytes = Array(text.utf8)
        let body = bytes.last == UInt8(ascii: "$") ? bytes.dropLast() : bytes[...]
        let allowed = body.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
        guard allowed, !body.isEmpty else {
            return IdentifierProblem(
                .notAUserName,
                "the mailbox \(shown) is not a local user name (letters, digits, '_', '-' and '.' only)")
        }
        if text.contains("..") || text.hasSuffix(".lock") {
            return IdentifierProblem(
                .notAUserName,
                "the mailbox \(shown) cannot be a spool file name (no '..', and no '.lock' ending: that is another mailbox's lock)")
        }
        return nil
    }

    package var description: String { value }
}
