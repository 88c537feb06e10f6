import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The text encodings offices save sheets in, detected from the bytes or named by
/// `--encoding`: UTF-8 (with or without a byte order mark), GB18030 (and its subset GBK,
/// Excel's "CSV" on Chinese Windows), UTF-16 (Excel's "Unicode text"), Windows-1250
/// (Hungarian Windows) and Windows-1252 (Spanish and English Windows).
///
/// Conversion goes through glibc's iconv: Foundation on Linux does not convert GB18030.
/// The detection is written by hand (no library on the machine does it): byte order marks,
/// zero bytes beside ASCII (UTF-16), valid UTF-8, pairs of high bytes (GB18030), and the
/// letters that tell Hungarian (ő ű) from Spanish (ñ ¿ ¡) in the single-byte code pages.
package enum SheetEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    case windows1250 = "windows-1250"
    case windows1252 = "windows-1252"

    /// The encoding a name given by the user stands for (`gbk` is read as GB18030, its
    /// superset; `utf-16` by its byte order mark, little-endian without one).
    package static func named(_ name: String, bytes: [UInt8]) -> SheetEncoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": .utf8
        case "gb18030", "gbk", "gb2312", "cp936": .gb18030
        case "utf-16", "utf16": bytes.starts(with: [0xFE, 0xFF]) ? .utf16be : .utf16le
        case "utf-16le": .utf16le
        case "utf-16be": .utf16be
        case "windows-1250", "cp1250": .windows1250
        case "windows-1252", "cp1252", "latin1", "iso-8859-1": .windows1252
        default: nil
        }
    }

    /// The encoding `bytes` are most likely in.
    package static func detect(_ bytes: [UInt8]) -> SheetEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16le }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16be }
        let sample = bytes.prefix(4096)
        let evenZeros = stride(from: sample.startIndex, to: sample.endIndex, by: 2).filter { sample[$0] == 0 }.count
        let oddZeros = stride(from: sample.startIndex + 1, to: sample.endIndex, by: 2).filter { sample[$0] == 0 }.count
        if oddZeros > sample.count / 8 { return .utf16le }
        if evenZeros > sample.count / 8 { return .utf16be }
        if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
        // GB18030 writes every Chinese character as two high bytes; the code pages write an
        // accented letter as one high byte among ASCII letters.
        var pairs = 0
        var singles = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0x81 {
                if index + 1 < bytes.count, bytes[index + 1] >= 0x40, bytes[index + 1] != 0x7F,
                    bytes[index + 1] >= 0x81 || bytes[index] >= 0xA1
                {
                    if bytes[index + 1] >= 0x81 { pairs += 1 } else { singles += 1 }
                    index += 2
                    continue
                }
                singles += 1
            }
            index += 1
        }
        if pairs > singles { return .gb18030 }
        let hungarian = bytes.filter { [0xF5, 0xFB, 0xD5, 0xDB].contains($0) }.count
        let spanish = bytes.filter { [0xF1, 0xD1, 0xBF, 0xA1].contains($0) }.count
        return hungarian > spanish ? .windows1250 : .windows1252
    }

    /// Why bytes could not be converted.
    package struct Failure: Error, Sendable, Hashable {
        /// Byte offset of the first byte that is not text in the encoding.
        package var offset: Int
    }

    /// `bytes` (a byte order mark dropped) as text.
    package func decode(_ bytes: [UInt8]) throws(Failure) -> String {
        var body = bytes[...]
        switch self {
        case .utf8 where body.starts(with: [0xEF, 0xBB, 0xBF]): body = body.dropFirst(3)
        case .utf16le where body.starts(with: [0xFF, 0xFE]), .utf16be where body.starts(with: [0xFE, 0xFF]):
            body = body.dropFirst(2)
        default: break
        }
        if self == .utf8 {
            guard let text = String(validating: body, as: UTF8.self) else {
                throw Failure(offset: Self.firstBadUTF8(Array(body)) + (bytes.count - body.count))
            }
            return text
        }
        return try Self.iconvToUTF8(Array(body), from: iconvName, skipped: bytes.count - body.count)
    }

    private var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        case .windows1250: "CP1250"
        case .windows1252: "CP1252"
        }
    }

    private static func iconvToUTF8(_ input: [UInt8], from name: String, skipped: Int) throws(Failure) -> String {
        let opened: UnsafeMutableRawPointer? = iconv_open("UTF-8", name)
        guard let cd = opened, Int(bitPattern: cd) != -1 else { throw Failure(offset: 0) }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var inLeft = input.count
        var outLeft = output.count
        var input = input
        let consumed: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                while inLeft > 0 {
                    if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { break }
                }
                return inBuffer.count - inLeft
            }
        }
        guard inLeft == 0 else { throw Failure(offset: consumed + skipped) }
        output.removeLast(outLeft)
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstBadUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: return offset
            }
        }
    }
}
