import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a large `.jsonl` file read whole is cut in two, so that both halves are decoded at
/// once (one on a ``SideThread``): the first line start at or after the middle, and its line
/// number, so that records and diagnostics of the second half keep their `FILE:LINE`.
package struct LineSplit: Sendable, Hashable {
    /// Byte offset of the first line of the second half (just past a `\n`).
    package var offset: Int64
    /// That line's number.
    package var line: Int

    /// Files smaller than this are read in one piece (a thread is not worth it).
    package static let minimumSize: Int64 = 4 << 20

    /// The split of the file at `path`, or `nil` when it is smaller than `minimumSize` or has
    /// no line break after its middle. Counts the line breaks before the split (a scan of
    /// half the file, much cheaper than decoding it). Throws `Errno` on I/O failure.
    package static func of(
        _ path: String, followLinks: Bool, minimumSize: Int64 = LineSplit.minimumSize
    ) throws -> LineSplit? {
        let fd = try CollectionFile.open(path, followLinks: followLinks)
        defer { try? fd.close() }
        let size = try fd.seek(offset: 0, from: .end)
        guard size >= max(minimumSize, 2) else { return nil }
        let block = 1 << 20
        let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
        defer { buf.deallocate() }
        var position = size / 2
        var split: Int64?
        while split == nil, position < size {
            let n = try fd.read(fromAbsoluteOffset: position, into: buf)
            if n == 0 { break }
            if let hit = memchr(buf.baseAddress!, 0x0A, n) {
                split = position + Int64(hit - buf.baseAddress!) + 1
            }
            position += Int64(n)
        }
        guard let split, split < size else { return nil }
        var lines = 1
        position = 0
        while position < split {
            let n = try fd.read(
                fromAbsoluteOffset: position,
                into: UnsafeMutableRawBufferPointer(rebasing: buf[..<Int(min(Int64(block), split - position))]))
            if n == 0 { return nil }
            // memchr from break to break: the C library's vectorised scan.
            var at = buf.baseAddress!
            let stop = at + n
            while at < stop, let hit = memchr(at, 0x0A, stop - at) {
                lines += 1
                at = UnsafeMutableRawPointer(hit) + 1
            }
            position += Int64(n)
        }
        return LineSplit(offset: split, line: lines)
    }
}
