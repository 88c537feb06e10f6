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

    /// The `From ` separator line: envelope sender and the time in `ctime(3)` form (UTC),
    /// the day of the month padded with a space to two columns: `Wed Dec  2 04:57:58 2026`.
    /// Readers such as NeoMutt and mutt match this fixed form; `Dec 2` with one space is not a
    /// separator to them, and days 1-9 of a month then merge messages or show none.
    package static func separator(sender: String, date: Date) -> [UInt8] {
        let safe = sender.filter { $0.isASCII && !$0.isWhitespace && !$0.isNewline }
        return Array("From \(safe.isEmpty ? "MAILER-DAEMON" : safe) \(ctime(date))\n".utf8)
    }

    /// `date` in `ctime(3)` form in UTC, without the newline: `Www Mmm dd hh:mm:ss yyyy` with
    /// the day space-padded (`Dec  2`), as `asctime` and every mbox reader expect.
    package static func ctime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.weekday, .month, .day, .hour, .minute, .second, .year], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?, pad: String) -> String {
            let n = n ?? 0
            return n < 10 ? pad + String(n) : String(n)
        }
        return "\(days[((c.weekday ?? 1) - 1) % 7]) \(months[((c.month ?? 1) - 1) % 12]) \(two(c.day, pad: " ")) "
            + "\(two(c.hour, pad: "0")):\(two(c.minute, pad: "0")):\(two(c.second, pad: "0")) \(c.year ?? 1970)"
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
