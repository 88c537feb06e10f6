/// What the first bytes of a user's file say about its encoding.
///
/// Windows Notepad and Excel write a UTF-8 byte order mark (`EF BB BF`) at the start of
/// "UTF-8" files, and Notepad's "Unicode" is UTF-16. Every input file is UTF-8: the mark is
/// skipped, and UTF-16 (with its mark, or recognised by the zero byte beside every ASCII
/// character) is refused with a message that names it, instead of a confusing error about a
/// NUL byte or an invalid character.
package enum TextEncoding {
    /// The UTF-8 byte order mark.
    package static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// How many bytes of UTF-8 byte order mark `bytes` starts with: 3 or 0.
    package static func bomLength(_ bytes: some Collection<UInt8>) -> Int {
        bytes.starts(with: utf8BOM) ? 3 : 0
    }

    /// True when `bytes` (the start of a file) look like UTF-16: a UTF-16 byte order mark, or
    /// a zero byte in every other position of the first characters (ASCII text in UTF-16).
    package static func isUTF16(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(bytes.prefix(64))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        guard head.count >= 4 else { return false }
        let pairs = head.count / 2
        let zeroHigh = (0..<pairs).filter { head[2 * $0 + 1] == 0 && head[2 * $0] != 0 }.count
        let zeroLow = (0..<pairs).filter { head[2 * $0] == 0 && head[2 * $0 + 1] != 0 }.count
        return zeroHigh == pairs || zeroLow == pairs
    }

    /// The sentence for a UTF-16 file.
    package static func utf16Message(_ what: String) -> String {
        "the \(what) is UTF-16 text (Windows \"Unicode\"), not UTF-8; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
    }
}
