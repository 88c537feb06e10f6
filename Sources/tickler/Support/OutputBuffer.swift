import Foundation

/// Standard output written in large chunks: `eval --format json` prints tens of thousands of
/// lines, and a `print` per line (a lock, a `String`, a write call when piped) cost more than
/// making them. Flushes by itself every ``chunk`` bytes; call ``flush()`` at the end.
struct OutputBuffer {
    /// Bytes gathered before a write.
    static let chunk = 1 << 20

    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(Self.chunk + 4096)
    }

    /// Writes what is gathered when it is a chunk or more.
    mutating func flushIfFull() {
        if bytes.count >= Self.chunk { flush() }
    }

    /// Writes everything gathered to standard output, after anything `print` left in the
    /// C library's buffer, so the two stay in order. Stops quietly when the reader has gone
    /// (`| head`); the process then ends as it would after `print`.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        fflush(nil)
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(STDOUT_FILENO, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
