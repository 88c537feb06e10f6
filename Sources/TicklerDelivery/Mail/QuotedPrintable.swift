/// Quoted-printable (RFC 2045 section 6.7) for text bodies, with LF line breaks.
package enum QuotedPrintable {
    /// Encodes text bytes: LF stays a line break, `=`, 8-bit and control bytes become `=XX`,
    /// a space or tab before a line break is encoded, and lines longer than 76 characters
    /// get soft breaks (`=` at the end of the line). A CR before an LF is dropped.
    package static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var line = ""
        func hex(_ b: UInt8) -> String {
            let digits = Array("0123456789ABCDEF")
            return "=" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
        }
        func emit(_ piece: String) {
            if line.count + piece.count > 75 {
                out += line + "=\n"
                line = ""
            }
            line += piece
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if b == 0x0A {
                out += line + "\n"
                line = ""
            } else if b == 0x0D && next == 0x0A {
                // CRLF becomes the LF line break.
            } else if b == 0x20 || b == 0x09 {
                let atEnd = next == nil || next == 0x0A || (next == 0x0D && i + 2 < bytes.count && bytes[i + 2] == 0x0A)
                emit(atEnd ? hex(b) : String(UnicodeScalar(b)))
            } else if b >= 33 && b <= 126 && b != 0x3D {
                // A line starting with "From " or "." is left as is: mbox stores quote "From "
                // themselves, and no SMTP dot-stuffing happens here.
                emit(String(UnicodeScalar(b)))
            } else {
                emit(hex(b))
            }
            i += 1
        }
        if !line.isEmpty { out += line + "=\n" }
        return out
    }
}
