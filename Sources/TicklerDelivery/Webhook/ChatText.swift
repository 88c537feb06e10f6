import Foundation
import TicklerCore

/// A digest's text made safe for one chat tool's message: one shown line per line of the
/// digest, and store text (a customer's name, a note, an alert's message) shown as it is
/// written, never as the tool's formatting.
///
/// The digest's own text is plain, with `\n` between its lines. Inside a line, any other
/// line break or control character (CR, VT, FF, NEL U+0085, U+2028, U+2029, ...) can only
/// come from store text and becomes a space (``TextLine``), whichever way the payload was
/// built: a customer named `Acme\r\n  [overdue/...]` cannot add a line to a Slack section, a
/// DingTalk or WeCom markdown text, a Feishu paragraph or a Teams `TextBlock`.
///
/// The markdown of DingTalk, WeCom and Teams would also turn a name such as
/// `[Pay here](https://...)` into a link, `![x](https://...)` into an image fetched from
/// anywhere, `<@userid>` into a WeCom mention and `<font ...>` into coloured text, and a
/// line starting with `#` or `>` (a Chinese greeting starts with the rep's name) into a
/// heading or a quote. Those markers are broken with an invisible zero-width space (U+200B)
/// that no markdown reads as part of them: `]` + ZWSP + `(`, `!` + ZWSP + `[`, `<` + ZWSP, and
/// ZWSP before a leading `#` or `>`. Backslash escapes are not used: these tools' markdown is
/// not CommonMark and may show the backslash. Slack's mrkdwn needs `&`, `<` and `>` escaped
/// (no link, mention or `<!channel>` can be written without them); Feishu's `text` elements
/// are plain text.
enum ChatText {
    /// The zero-width space that breaks a markdown marker without showing.
    static let breaker = "\u{200B}"

    /// The one-line `title` of a message in `format`.
    static func title(_ title: String, _ format: WebhookFormat) -> String {
        line(title, format)
    }

    /// The lines of `text` (split at each `\n` scalar, also one that follows a `\r`; empty
    /// lines kept), each made one line in `format` (see ``line(_:_:)``).
    static func lines(_ text: String, _ format: WebhookFormat) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            line(String(String.UnicodeScalarView($0)), format)
        }
    }

    /// One line of text as `format` must show it: line breaks and control characters as
    /// spaces, then the tool's formatting neutralised.
    static func line(_ text: String, _ format: WebhookFormat) -> String {
        let flat = TextLine.flattened(text)
        switch format {
        case .generic, .feishu: return flat
        case .slack:
            return flat.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        case .dingtalk, .wecom, .teams: return literalMarkdown(flat)
        }
    }

    /// `line` with every link, image, HTML tag, mention, heading and quote marker broken by a
    /// zero-width space.
    static func literalMarkdown(_ line: String) -> String {
        var result = line.replacingOccurrences(of: "](", with: "]" + breaker + "(")
            .replacingOccurrences(of: "![", with: "!" + breaker + "[")
            .replacingOccurrences(of: "<", with: "<" + breaker)
        let leading = result.drop { $0 == " " || $0 == "\t" }
        if let first = leading.first, first == "#" || first == ">" {
            result.insert(contentsOf: breaker, at: leading.startIndex)
        }
        return result
    }
}
