package import TicklerCore
import SystemPackage

/// Reads a small user-edited text file (rules, daemon config, rule tests) with a size cap
/// checked before anything is allocated, so pointing a command at a huge file (a log, a
/// disk image, `/dev/zero`) is refused at once instead of filling memory.
package enum TextFile {
    /// Why the file could not be read as text.
    package enum Failure: Error, Sendable, Hashable {
        /// It could not be opened or read; `reason` is short ("no such file or directory").
        case unreadable(reason: String)
        /// It holds more than `limit` bytes.
        case tooLarge(limit: Int)
        /// It is not UTF-8: the first bad byte is on `line`, at `column` (in characters).
        case notUTF8(line: Int, column: Int)
        /// It is UTF-16 (a UTF-16 byte order mark, or a zero byte beside each ASCII character).
        case utf16
    }

    /// The text of the file at `path`, of at most `maxBytes` bytes. A UTF-8 byte order mark at
    /// its start is dropped (Notepad writes one); UTF-16 is refused as ``Failure/utf16``.
    package static func read(_ path: String, maxBytes: Int) throws(Failure) -> String {
        var bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, maxBytes: maxBytes)
        } catch let error as FileBytes.TooLarge {
            throw .tooLarge(limit: error.limit)
        } catch let errno as Errno {
            throw .unreadable(reason: errno.description.lowercased())
        } catch {
            throw .unreadable(reason: "\(error)")
        }
        if TextEncoding.isUTF16(bytes) { throw .utf16 }
        bytes.removeFirst(TextEncoding.bomLength(bytes))
        if let offset = firstInvalidUTF8(bytes) {
            var line = 1
            var column = 1
            for b in bytes[..<offset] {
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
            throw .notUTF8(line: line, column: column)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Byte offset of the first byte that is not part of well-formed UTF-8, or `nil`.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        let valid = bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
        if valid { return nil }
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension TextFile {
    /// A read failure of a YAML input file as a ``RulesFile/Failure``: unreadable (exit 2), or
    /// invalid with a `FILE:LINE:COLUMN` diagnostic (too large, not UTF-8).
    package static func diagnose(_ failure: Failure, path: String, what: String) -> RulesFile.Failure {
        switch failure {
        case .unreadable(let reason):
            return .unreadable(path: path, reason: reason)
        case .tooLarge, .notUTF8, .utf16:
            return .invalid(DiagnosticsError([diagnostic(failure, path: path, what: what)]))
        }
    }

    /// The diagnostic for `failure` at its position in the file.
    package static func diagnostic(_ failure: Failure, path: String, what: String) -> Diagnostic {
        switch failure {
        case .unreadable(let reason):
            return Diagnostic(SourceLocation(file: path, line: 1, column: 1), "cannot read the \(what): \(reason)")
        case .tooLarge(let limit):
            return Diagnostic(
                SourceLocation(file: path, line: 1, column: 1),
                "the file is larger than \(limit / 1024) KiB, far more than a \(what) needs; is it the right file?")
        case .notUTF8(let line, let column):
            return Diagnostic(
                SourceLocation(file: path, line: line, column: column),
                "the file is not UTF-8 text (a byte here is not UTF-8); save it as UTF-8")
        case .utf16:
            return Diagnostic(SourceLocation(file: path, line: 1, column: 1), TextEncoding.utf16Message(what))
        }
    }
}
