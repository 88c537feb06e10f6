/// Text from the store (a customer's name, a contact's note, an alert's rendered template)
/// made safe to show as one line of a digest, a report table or a log line.
///
/// A line break inside such a value would add lines to the text around it: a customer
/// named `Acme\n  [overdue/...]` forged a notice line in a digest. Every character that
/// any common reader treats as a line break or as a control character becomes a space:
/// C0 controls (LF, CR, TAB, VT, FF, the file/group/record separators that Python's
/// `splitlines` breaks on), DEL, C1 controls (NEL U+0085 among them), and the Unicode line
/// and paragraph separators U+2028 and U+2029.
package enum TextLine {
    /// True for a scalar that ``flattened(_:)`` replaces.
    package static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// `text` with every line break and control character replaced by a space; text
    /// without any is returned as it is.
    package static func flattened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: breaksLine) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { breaksLine($0) ? " " : $0 }))
    }
}
