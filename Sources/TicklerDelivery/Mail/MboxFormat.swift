package import Foundation

/// The mboxrd format and reading a message's own headers.
package enum MboxFormat {
    /// mboxrd quoting: every line that matches `^>*From ` gets one more `>`, so a reader
    /// that removes one `>` from such lines gets the message back exactly.
    package static func quote(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        var lineStart = true
        var i = 0
        let from = Array("From ".utf8)
        while i < message.count {
            if lineStart {
                var j = i
                while j < message.count && message[j] == UInt8(ascii: ">") { j += 1 }
                if message.count - j >= from.count && Array(message[j..<j + from.count]) == from {
                    out.append(UInt8(ascii: ">"))
                }
            }
            out.append(message[i])
            lineStart = message[i] == 0x0A
            i += 1
        }
        return out
    }

    /// The `From ` separator line: envelope sender and the time in `asctime` form (UTC).
    package static func separator(sender: String, date: Date) -> [UInt8] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        let safe = sender.filter { $0.isASCII && !$0.isWhitespace && !$0.isNewline }
        return Array("From \(safe.isEmpty ? "MAILER-DAEMON" : safe) \(formatter.string(from: date))\n".utf8)
    }

    /// The value of the first header `name` in `message` (case-insensitive name, unfolded).
    package static func header(_ name: String, in message: [UInt8]) -> String? {
        let text = String(decoding: message.prefix(64 * 1024), as: UTF8.self)
        let head = text.components(separatedBy: "\n\n").first ?? text
        var current: (name: String, value: String)?
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                current?.value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            if let current, current.name.lowercased() == name.lowercased() { return current.value }
            guard let colon = line.firstIndex(of: ":") else { current = nil; continue }
            current = (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        if let current, current.name.lowercased() == name.lowercased() { return current.value }
        return nil
    }

    /// True when `haystack` contains `needle`.
    package static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
