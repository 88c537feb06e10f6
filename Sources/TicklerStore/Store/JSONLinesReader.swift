import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a `.jsonl` file line by line in fixed-size chunks, from any line-start byte offset.
///
/// Memory stays at one chunk plus one line whatever the file size. A line is handed to the
/// caller as bytes (no `String` is made here); blank lines are skipped, a trailing `\r` is
/// dropped. The reader is the seam for append-only incremental loading: read from 0 once,
/// keep ``Result/endOffset`` and ``Result/nextLine``, and read again from there later.
package struct JSONLinesReader: Sendable {
    /// One non-blank line of the file.
    package struct Line {
        /// 1-based line number in the file.
        package var number: Int
        /// The line's bytes without `\n` and `\r`; valid only during the callback. Empty when
        /// ``isOversized``.
        package var bytes: UnsafeBufferPointer<UInt8>
        /// Byte length of the line (also when oversized).
        package var length: Int
        /// `false` for a last line with no `\n` after it: complete, or torn by a crashed or
        /// still-running writer.
        package var isTerminated: Bool
        /// The line is longer than ``JSONLinesReader/maxLineLength`` and was skipped unread.
        package var isOversized: Bool
    }

    /// Where a read stopped.
    package struct Result: Sendable, Hashable {
        /// Byte offset just past the last `\n`: where the next incremental read starts. An
        /// unterminated last line lies beyond it and is read again next time.
        package var endOffset: Int64
        /// Line number of the line that starts at ``endOffset``.
        package var nextLine: Int

        package init(endOffset: Int64, nextLine: Int) {
            self.endOffset = endOffset
            self.nextLine = nextLine
        }
    }

    package var path: String
    package var chunkSize: Int
    package var maxLineLength: Int
    /// Whether a symbolic link at `path` is followed (``CollectionFile/followsLinks(in:)``).
    package var followLinks = true
    /// Where to stop: a line start (just past a `\n`); `nil` reads to the end of the file. A
    /// read split into parts (``LineSplit``) gives each part its end.
    package var endOffset: Int64?

    /// A reader of the file at `path`. Lines longer than `maxLineLength` bytes are reported as
    /// oversized instead of being buffered.
    package init(path: String, chunkSize: Int = 1 << 22, maxLineLength: Int = 1 << 20) {
        self.path = path
        self.chunkSize = max(chunkSize, 1)
        self.maxLineLength = max(maxLineLength, 1)
    }

    /// Calls `body` for each non-blank line from byte `offset` (which must be the start of a
    /// line, numbered `firstLine`) to the end of the file. Throws `Errno` when the file cannot
    /// be opened or read, ``CollectionFile/NotRegular`` when it is not a regular file (a FIFO
    /// is refused, never waited on), and rethrows what `body` throws.
    package func read<E: Error>(
        from offset: Int64 = 0, firstLine: Int = 1, _ body: (Line) throws(E) -> Void
    ) throws -> Result {
        let fd = try CollectionFile.open(path, followLinks: followLinks)
        defer { try? fd.close() }
        // A small file gets a small chunk, and the buffer is not zeroed: only bytes read into
        // it are ever looked at. (A store of small files was paying 5 MiB of page faults each.)
        let size = try fd.seek(offset: 0, from: .end)
        let chunk = Int(min(Int64(chunkSize), max(size - offset, 0) + 1))
        let buf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunk + maxLineLength + 1)
        defer { buf.deallocate() }
        return try scan(fd: fd, buf: buf, chunk: chunk, offset: offset, firstLine: firstLine, body)
    }

    private func scan<E: Error>(
        fd: FileDescriptor, buf: UnsafeMutableBufferPointer<UInt8>, chunk: Int, offset: Int64, firstLine: Int,
        _ body: (Line) throws(E) -> Void
    ) throws -> Result {
        var filePosition = offset  // file offset of the next byte to read
        var filled = 0  // bytes of buf in use; buf[0] is the start of the current line
        var lineNumber = firstLine
        var lineStartOffset = offset
        var oversized = 0  // > 0 while skipping the rest of an oversized line
        let base = buf.baseAddress!
        while true {
            // `filled` is at most maxLineLength here, so there is always room for a byte or more;
            // a file that grew since it was measured is read in more, smaller chunks.
            var want = min(chunk, buf.count - filled)
            if let endOffset { want = Int(min(Int64(want), max(endOffset - filePosition, 0))) }
            if want == 0 { break }
            let room = UnsafeMutableRawBufferPointer(start: base + filled, count: want)
            let n = try fd.read(fromAbsoluteOffset: filePosition, into: room)
            if n == 0 { break }
            filePosition += Int64(n)
            var scanFrom = filled
            filled += n
            var lineStart = 0
            while scanFrom < filled, let hit = memchrNewline(base + scanFrom, filled - scanFrom) {
                let nl = hit - base
                if oversized > 0 {
                    try emitOversized(lineNumber, oversized + nl, true, body)
                    oversized = 0
                } else {
                    try emit(base, lineStart, nl, lineNumber, true, body)
                }
                lineNumber += 1
                lineStart = nl + 1
                lineStartOffset = filePosition - Int64(filled - lineStart)
                scanFrom = nl + 1
            }
            let rest = filled - lineStart
            if oversized > 0 || rest > maxLineLength {
                oversized += rest
                filled = 0
            } else {
                if lineStart > 0 && rest > 0 { memmove(base, base + lineStart, rest) }
                filled = rest
            }
        }
        if oversized > 0 {
            try emitOversized(lineNumber, oversized + filled, false, body)
        } else if filled > 0 {
            try emit(base, 0, filled, lineNumber, false, body)
        }
        return Result(endOffset: lineStartOffset, nextLine: lineNumber)
    }

    private func emit<E: Error>(
        _ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, _ number: Int, _ terminated: Bool,
        _ body: (Line) throws(E) -> Void
    ) throws(E) {
        var end = end
        if end > start, base[end - 1] == 0x0D { end -= 1 }
        var first = start
        while first < end, base[first] == 0x20 || base[first] == 0x09 || base[first] == 0x0D { first += 1 }
        if first == end { return }
        let bytes = UnsafeBufferPointer(start: base + start, count: end - start)
        if bytes.count > maxLineLength {
            try emitOversized(number, bytes.count, terminated, body)
            return
        }
        try body(Line(number: number, bytes: bytes, length: bytes.count, isTerminated: terminated, isOversized: false))
    }

    private func emitOversized<E: Error>(
        _ number: Int, _ length: Int, _ terminated: Bool, _ body: (Line) throws(E) -> Void
    ) throws(E) {
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        try body(Line(number: number, bytes: empty, length: length, isTerminated: terminated, isOversized: true))
    }

    private func memchrNewline(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> UnsafeMutablePointer<UInt8>? {
        memchr(p, 0x0A, count)?.assumingMemoryBound(to: UInt8.self)
    }
}
