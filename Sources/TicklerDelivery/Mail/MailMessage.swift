package import Foundation

/// An RFC 5322 + MIME message with a UTF-8 plain-text body, in the LF line-ending form mail
/// stores (mbox, Maildir) and `sendmail` take. With ``attachments`` it is `multipart/mixed`:
/// the text first, then each file (base64), between boundaries that occur nowhere in the
/// parts.
///
/// Every header value is built from sanitized text (``HeaderText``): names, subjects and
/// addresses taken from the store can never add a header or end the header block. The body
/// is quoted-printable when it is mostly ASCII and base64 otherwise (Chinese digests), so
/// no body line is longer than 76 characters and 8-bit bytes never reach a 7-bit relay.
package struct MailMessage: Sendable, Hashable {
    /// One mailbox: an optional display name and an address.
    package struct Address: Sendable, Hashable {
        package var name: String?
        package var address: String

        package init(name: String? = nil, address: String) {
            self.name = name
            self.address = address
        }

        /// Parses `Name <addr>` or a bare `addr` (the `from:` of the config).
        package init(parsing text: String) {
            let clean = HeaderText.sanitized(text)
            if let open = clean.lastIndex(of: "<"), let close = clean.lastIndex(of: ">"), open < close {
                let name = clean[..<open].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                self.init(name: name.isEmpty ? nil : name, address: String(clean[clean.index(after: open)..<close]))
            } else {
                self.init(address: clean)
            }
        }

        /// The domain of the address, if it has a plain one.
        package var domain: String? {
            guard let at = address.lastIndex(of: "@") else { return nil }
            let domain = address[address.index(after: at)...]
            let ok = !domain.isEmpty && domain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
            return ok ? String(domain) : nil
        }

        /// The header form; an address that is not plain becomes an empty group so nothing
        /// unsafe reaches the header.
        /// The name goes on as many folded lines as it needs; the `<address>` follows on
        /// the last of them, or on a line of its own when it would pass 78 columns there.
        func rendered(used: Int) -> String {
            guard HeaderText.isPlainAddress(address) else { return "undisclosed-recipients:;" }
            guard let name, !HeaderText.sanitized(name).isEmpty else { return address }
            let display = HeaderText.displayName(name, used: used)
            let column = HeaderText.lastLineLength(display, used: used)
            return display + (column + 3 + address.count > 78 ? "\n <" : " <") + address + ">"
        }
    }

    package var from: Address
    package var to: Address
    package var subject: String
    /// The local part of the `Message-ID` (a digest id).
    package var messageID: String
    package var date: Date
    /// Zone of the `Date` header (the rules' zone).
    package var timeZone: TimeZone
    package var body: String
    /// Extra `X-` headers (name, value); values are sanitized like every other.
    package var extraHeaders: [(String, String)]
    /// Files after the text (report CSVs); none gives a single `text/plain` message.
    package var attachments: [MailAttachment]

    package init(
        from: Address, to: Address, subject: String, messageID: String, date: Date, timeZone: TimeZone = .current,
        body: String, extraHeaders: [(String, String)] = [], attachments: [MailAttachment] = []
    ) {
        self.attachments = attachments
        self.from = from
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.timeZone = timeZone
        self.body = body
        self.extraHeaders = extraHeaders
    }

    package static func == (lhs: MailMessage, rhs: MailMessage) -> Bool { lhs.bytes == rhs.bytes }
    package func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    /// The `Message-ID` header value: `<ID@DOMAIN>` with the From domain (or `tickler.local`).
    package var messageIDHeader: String {
        let local = messageID.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
        return "<\(local.isEmpty ? "tickler" : local)@\(from.domain ?? "tickler.local")>"
    }

    /// The RFC 5322 `Date` value, e.g. `Mon, 30 Nov 2026 21:24:46 +0800`.
    package static func dateHeader(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The whole message: headers, a blank line, the encoded body (LF line endings).
    package var bytes: [UInt8] {
        var headers: [String] = []
        func add(_ name: String, _ value: (Int) -> String) { headers.append("\(name): " + value(name.count + 2)) }
        add("Date") { _ in Self.dateHeader(date, timeZone: timeZone) }
        add("From") { from.rendered(used: $0) }
        add("To") { to.rendered(used: $0) }
        add("Subject") { HeaderText.unstructured(subject, used: $0) }
        add("Message-ID") { _ in messageIDHeader }
        add("MIME-Version") { _ in "1.0" }
        let raw = Array(body.utf8)
        let useBase64 = raw.filter { $0 >= 0x80 }.count * 4 > raw.count
        let textEncoding = useBase64 ? "base64" : "quoted-printable"
        let encoded = useBase64 ? Self.base64Lines(raw) : QuotedPrintable.encode(raw)
        var content = encoded
        if attachments.isEmpty {
            add("Content-Type") { _ in "text/plain; charset=utf-8" }
            add("Content-Transfer-Encoding") { _ in textEncoding }
        } else {
            var parts = [
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: \(textEncoding)\n\n\(encoded)"
            ]
            for file in attachments {
                parts.append(
                    "Content-Type: \(file.safeContentType);\n name=\"\(file.asciiFilename)\"\n"
                        + "Content-Disposition: \(file.disposition)\n"
                        + "Content-Transfer-Encoding: base64\n\n" + Self.base64Lines(file.data))
            }
            let boundary = Self.boundary(messageIDHeader, avoiding: parts)
            add("Content-Type") { _ in "multipart/mixed;\n boundary=\"\(boundary)\"" }
            content = "This is a multi-part message in MIME format.\n"
                + parts.map { "\n--\(boundary)\n" + $0 }.joined() + "\n--\(boundary)--\n"
        }
        add("Auto-Submitted") { _ in "auto-generated" }
        for (name, value) in extraHeaders {
            let safeName = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard safeName.hasPrefix("X-") || safeName.hasPrefix("x-") else { continue }
            add(safeName) { HeaderText.unstructured(value, used: $0) }
        }
        return Array((headers.joined(separator: "\n") + "\n\n").utf8) + Array(content.utf8)
    }

    /// A multipart boundary that occurs in none of `parts`: `=_tickler_` (`=_` cannot occur in
    /// quoted-printable or base64 text) and hex digits derived from the Message-ID, with a
    /// counter added until no part contains it. The same message gives the same boundary.
    static func boundary(_ seed: String, avoiding parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var counter = 0
        while true {
            let candidate = "=_tickler_" + String(hash, radix: 16) + (counter == 0 ? "" : "_\(counter)")
            if !parts.contains(where: { $0.contains(candidate) }) { return candidate }
            counter += 1
        }
    }

    private static func base64Lines(_ bytes: [UInt8]) -> String {
        let text = Data(bytes).base64EncodedString()
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
