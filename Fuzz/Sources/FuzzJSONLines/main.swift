import Foundation
import FuzzSupport
import TicklerStore

/// The `.jsonl` line reader against a naive split of the same bytes. The first two bytes set
/// a tiny chunk size and line cap, so chunk edges, CRLF pairs and oversized lines meet in
/// every combination; the rest is the file. Each reported line must be exactly the naive
/// line with that number, oversized ones must really be longer than the cap, no non-blank
/// line may be lost, and the resume offset must be just past the last line break.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard bytes.count >= 2 else { return 0 }
    let chunkSize = 1 + Int(bytes[0]) % 32
    let maxLineLength = 1 + Int(bytes[1]) % 48
    let content = Array(bytes.dropFirst(2))
    let path = Fixtures.scratch + "/lines.jsonl"
    content.withUnsafeBytes { Fixtures.write($0, to: path) }

    var seen: [(number: Int, bytes: [UInt8]?, length: Int, terminated: Bool)] = []
    let reader = JSONLinesReader(path: path, chunkSize: chunkSize, maxLineLength: maxLineLength)
    let result: JSONLinesReader.Result
    do {
        result = try reader.read { line in
            seen.append((line.number, line.isOversized ? nil : Array(line.bytes), line.length, line.isTerminated))
        }
    } catch {
        preconditionFailure("reading a regular file failed: \(error)")
    }

    // The naive split: lines end at \n; the last may have none.
    let raw = content.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    let terminatedCount = content.count(where: { $0 == 0x0A })
    var expected: [Int: [UInt8]] = [:]
    for (index, line) in raw.enumerated() {
        let isBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if !isBlank { expected[index + 1] = line }
    }
    var previous = 0
    for line in seen {
        precondition(line.number > previous, "line numbers must increase")
        previous = line.number
        precondition(line.number <= raw.count, "line \(line.number) reported past the end")
        let full = raw[line.number - 1]
        expected.removeValue(forKey: line.number)
        precondition(line.terminated == (line.number <= terminatedCount), "line \(line.number): wrong isTerminated")
        if let got = line.bytes {
            var want = full
            if want.last == 0x0D { want.removeLast() }
            precondition(got == want, "line \(line.number): \(got) instead of \(want)")
            precondition(!got.isEmpty, "blank line \(line.number) handed over")
            precondition(got.count <= maxLineLength, "line \(line.number) longer than the cap was handed over")
        } else {
            // An oversized line is reported even when it is all blanks: it is skipped unread.
            precondition(full.count > maxLineLength, "line \(line.number) of \(full.count) bytes called oversized")
        }
    }
    precondition(expected.isEmpty, "lines lost: \(expected.keys.sorted())")
    let lastBreak = content.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    precondition(result.endOffset == Int64(lastBreak), "endOffset \(result.endOffset), expected \(lastBreak)")
    precondition(result.nextLine == terminatedCount + 1, "nextLine \(result.nextLine), expected \(terminatedCount + 1)")
    return 0
}

@_cdecl("FuzzJSONLines_main")
public func fuzzJSONLinesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzJSONLines)
}
