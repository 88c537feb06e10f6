import Foundation

/// A file attached to a ``MailMessage``: sent base64-encoded (its bytes, CRLF line ends of a
/// CSV included, arrive unchanged) with `Content-Disposition: attachment`.
///
/// The file name is sanitized like every header value: no control character, quote,
/// backslash or path separator survives, so a name can neither add a header nor point a
/// mail client's "save" outside the folder it picks.
package struct MailAttachment: Sendable, Hashable {
    /// The file name the reader sees, e.g. `weekly-progress-2026-W47-numbers.csv`.
    package var filename: String
    /// The MIME type with parameters, e.g. `text/csv; charset=utf-8`.
    package var contentType: String
    package var data: [UInt8]

    package init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    /// A CSV file for spreadsheets: a UTF-8 byte order mark first (Excel otherwise reads
    /// the file in the legacy code page and garbles Chinese), then the text as it is (CRLF
    /// line ends, RFC 4180).
    package static func csv(filename: String, text: String) -> MailAttachment {
        MailAttachment(filename: filename, contentType: "text/csv; charset=utf-8", data: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    }

    /// The file name without anything unsafe: control characters, `"`, `\`, `/` and `:`
    /// become `_`, leading dots are dropped; never empty. At most ``maxScalars`` Unicode
    /// scalars (the name is shortened before its extension), so its header parameters stay
    /// far below 998 characters a line even percent-encoded.
    package var safeFilename: String {
        var name = ""
        for scalar in HeaderText.sanitized(filename).unicodeScalars {
            let unsafe = scalar.value < 0x20 || scalar.value == 0x7F || "\"\\/:".unicodeScalars.contains(scalar)
            name.unicodeScalars.append(unsafe ? "_" : scalar)
        }
        while name.hasPrefix(".") { name.removeFirst() }
        if name.unicodeScalars.count > Self.maxScalars {
            let scalars = Array(name.unicodeScalars)
            let dot = scalars.lastIndex(of: ".").flatMap { scalars.count - $0 <= 10 ? $0 : nil } ?? scalars.count
            let stem = scalars[..<dot].prefix(Self.maxScalars - (scalars.count - dot))
            name = String(String.UnicodeScalarView(stem + scalars[dot...]))
        }
        return name.isEmpty ? "attachment" : name
    }

    /// The longest file name kept: 60 scalars, 720 characters at most percent-encoded.
    static let maxScalars = 60

    /// ``safeFilename`` with every non-ASCII character as `_`: the quoted `filename` and
    /// `name` parameters for clients that do not read RFC 2231.
    var asciiFilename: String {
        String(String.UnicodeScalarView(safeFilename.unicodeScalars.map { $0.isASCII ? $0 : "_" }))
    }

    /// The `Content-Type` value: a known `type/subtype` and only token-safe parameters
    /// (anything else falls back to `application/octet-stream`).
    var safeContentType: String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/;=-+. "))
        let ok = contentType.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) } && contentType.contains("/")
        return ok ? contentType : "application/octet-stream"
    }

    /// The `Content-Disposition` value: `filename="..."` for an ASCII name; otherwise only
    /// RFC 2231's `filename*=UTF-8''...` with the name percent-encoded (both at once is a
    /// duplicate parameter to strict readers such as Python's `email`), the ASCII fallback
    /// staying in the `Content-Type`'s `name` for clients that do not read RFC 2231.
    var disposition: String {
        let name = safeFilename
        guard asciiFilename != name else { return "attachment; filename=\"\(name)\"" }
        return "attachment;\n filename*=UTF-8''" + Self.percentEncoded(name)
    }

    /// RFC 2231 / RFC 5987 `value-chars`: attr-chars as they are, every other byte `%XX`.
    static func percentEncoded(_ text: String) -> String {
        let attrChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        return text.utf8.map { attrChars.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }
}
