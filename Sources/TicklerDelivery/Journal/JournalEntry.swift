import CSystemd
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One structured journal entry: ordered `NAME=value` fields sent with `sd_journal_sendv`.
///
/// Field names must be `[A-Z0-9_]`, start with a letter or digit and be at most 64 bytes:
/// journald drops other fields silently, so ``append(_:_:)`` refuses them instead.
/// A field may repeat (a summary carries one `TICKLER_KEY` per notice).
package struct JournalEntry: Sendable, Hashable {
    /// The fields in the order they were appended.
    package private(set) var fields: [(name: String, value: String)] = []

    package init() {}

    package static func == (lhs: JournalEntry, rhs: JournalEntry) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    package func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }

    /// True for a name journald keeps: `[A-Z0-9_]{1,64}` not starting with `_`.
    package static func isValidFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "_"), name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    /// Turns any metadata key into a valid field name: uppercased, other characters as `_`.
    package static func fieldName(for key: String) -> String {
        var name = String(key.uppercased().unicodeScalars.map { scalar -> Character in
            let v = scalar.value
            return (v >= 65 && v <= 90) || (v >= 48 && v <= 57) ? Character(scalar) : "_"
        })
        while name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty { name = "FIELD" }
        return String(name.prefix(64))
    }

    /// Appends `NAME=value`; a `nil` value appends nothing. Precondition: a valid name.
    package mutating func append(_ name: String, _ value: String?) {
        guard let value else { return }
        precondition(Self.isValidFieldName(name), "invalid journal field name \(name)")
        fields.append((name, value))
    }

    /// The first value of `name`, if any.
    package func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Sends the entry to the local journal. Returns `false` when journald is not reachable
    /// (no socket) or refused it; the caller then falls back to stderr.
    package func send() -> Bool {
        let buffers = fields.map { Array("\($0.name)=\($0.value)".utf8) }
        return buffers.withUnsafeIovecs { vectors in
            sd_journal_sendv(vectors.baseAddress, Int32(vectors.count)) >= 0
        }
    }
}

extension Array where Element == [UInt8] {
    /// Calls `body` with an `iovec` per buffer, valid only during the call.
    fileprivate func withUnsafeIovecs<R>(_ body: (UnsafeMutableBufferPointer<iovec>) -> R) -> R {
        let vectors = UnsafeMutableBufferPointer<iovec>.allocate(capacity: count)
        defer { vectors.deallocate() }
        let storage = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, reduce(0) { $0 + $1.count }), alignment: 1)
        defer { storage.deallocate() }
        var offset = 0
        for (i, buffer) in enumerated() {
            buffer.withUnsafeBytes { raw in
                if let base = raw.baseAddress { (storage + offset).copyMemory(from: base, byteCount: raw.count) }
            }
            vectors[i] = iovec(iov_base: storage + offset, iov_len: buffer.count)
            offset += buffer.count
        }
        return body(vectors)
    }
}
