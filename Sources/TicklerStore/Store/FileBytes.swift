import SystemPackage

/// Reads a whole file into memory as bytes (for `.json` collections, which are parsed whole).
package enum FileBytes {
    /// The file holds more than `limit` bytes; nothing was read.
    package struct TooLarge: Error, Sendable, Hashable {
        package var limit: Int
        package var size: Int
    }

    /// The bytes of the file at `path`; throws `Errno` when it cannot be opened or read, and
    /// ``TooLarge`` when it holds more than `maxBytes` (checked before allocating; bytes appended
    /// while it is read are left for the next read).
    package static func read(_ path: String, maxBytes: Int = .max) throws -> [UInt8] {
        let fd = try FileDescriptor.open(FilePath(path), .readOnly)
        defer { try? fd.close() }
        return try read(fd, maxBytes: maxBytes)
    }

    /// The bytes of the open file `fd` (read from its start), as ``read(_:maxBytes:)``.
    static func read(_ fd: FileDescriptor, maxBytes: Int = .max) throws -> [UInt8] {
        let size = Int(try fd.seek(offset: 0, from: .end))
        if size > maxBytes { throw TooLarge(limit: maxBytes, size: size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = try bytes.withUnsafeMutableBytes { raw in
                try fd.read(fromAbsoluteOffset: Int64(filled), into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if n == 0 { break }  // the file shrank while we read it
            filled += n
        }
        bytes.removeLast(size - filled)
        return bytes
    }

    /// Up to the first `count` bytes of the open file `fd`; throws `Errno` when it cannot be read.
    static func prefix(_ fd: FileDescriptor, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = try bytes.withUnsafeMutableBytes { try fd.read(fromAbsoluteOffset: 0, into: $0) }
        return Array(bytes.prefix(n))
    }
}
