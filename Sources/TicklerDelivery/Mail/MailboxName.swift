/// A mailbox name from the store (a rep's `mailbox`), checked before it becomes a file name
/// in the spool or a Maildir folder.
///
/// Only local user names as Debian's `adduser` accepts them by default qualify:
/// `^[a-z_][a-z0-9_.-]{0,31}$`, no `..`, not ending in `.lock` (the dotlock of another
/// mailbox). So `../../etc/x`, `/etc/passwd`, `a/b` or a name with a newline never names a
/// file outside the spool.
package struct MailboxName: Sendable, Hashable, CustomStringConvertible {
    package let value: String

    /// Validates `text`; `nil` when it is not a safe mailbox name.
    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (1...32).contains(bytes.count), let first = bytes.first else { return nil }
        func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard isLower(first) || first == UInt8(ascii: "_") else { return nil }
        for b in bytes.dropFirst() {
            guard isLower(b) || isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            else { return nil }
        }
        guard !text.contains(".."), !text.hasSuffix(".lock") else { return nil }
        value = text
    }

    package var description: String { value }

    /// Why `text` was refused, for the dead letter.
    package static func problem(_ text: String) -> String {
        if text.isEmpty {
            return "the recipient has no mailbox: add a mailbox field (a local user name) to the rep in the store"
        }
        let shown = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }.prefix(40))
        return "mailbox name '\(shown)' is not a safe local user name (lowercase letters, digits, _ . -; "
            + "at most 32; no '..', no '/'); fix the rep's mailbox field in the store"
    }
}
