import TicklerCore

/// One collection as ``StoreFollower`` last read it: its records and diagnostics, and where
/// an append-only `.jsonl` read stopped, so the next read can start there.
struct FollowedCollection<Record: Sendable>: Sendable {
    /// The file read (`NAME.jsonl` or `NAME.json`), `nil` when the collection is absent.
    var fileName: String?
    var mark: FileMark?
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []
    /// The `id` of each record skipped for breaking the schema, by where it is: records that
    /// name it are then told that it was skipped, not that it does not exist.
    var rejectedIDs: [RecordOrigin: String] = [:]
    /// Where the last `.jsonl` read stopped (past the last line break).
    var end = JSONLinesReader.Result(endOffset: 0, nextLine: 1)
    /// Records taken from an unterminated last line: read again (and so dropped) next time.
    var tailRecords = 0
    /// The bytes just before `end.endOffset`, to tell an append from a rewrite of equal size.
    var guardBytes: [UInt8] = []

    static var guardLength: Int { 64 }

    /// The mark of the file at `path` (named `newName`) when it changed since the last read
    /// other than by an append: a rewrite in place, a truncation, a replacement, a new file.
    /// `nil` when it is untouched, only grew, or cannot be stat'ed.
    func rewrittenMark(fileName newName: String, path: String) -> FileMark? {
        guard let newMark = FileMark(path: path) else { return nil }
        if newName == fileName, newMark == mark { return nil }
        let appended =
            newName.hasSuffix(".jsonl") && newName == fileName && mark.map { newMark.mayHaveAppended(to: $0) } == true
            && fileBytes(path, endingAt: end.endOffset, count: Self.guardLength) == guardBytes
        return appended ? nil : newMark
    }

    /// Brings the collection up to date with `fileName` in the store; returns whether
    /// anything changed. Appended `.jsonl` lines are read from the last offset; a rewrite,
    /// truncation or replacement is read whole. Throws `Errno` on I/O failure.
    mutating func refresh(
        fileName newName: String?, reader: CollectionFileReader?, decode: @escaping CollectionFileReader.SendableDecode<Record>
    ) throws -> Bool {
        guard let newName, let reader else {
            if fileName == nil { return false }
            self = FollowedCollection()
            return true
        }
        let newMark = FileMark(path: reader.path)
        if newName == fileName, let newMark, newMark == mark { return false }
        let isLines = newName.hasSuffix(".jsonl")
        let appended =
            isLines && newName == fileName && mark != nil && newMark.map { $0.mayHaveAppended(to: mark!) } == true
            && fileBytes(reader.path, endingAt: end.endOffset, count: Self.guardLength) == guardBytes
        if appended {
            records.removeLast(tailRecords)
            diagnostics.removeAll { $0.location.line >= end.nextLine }
            rejectedIDs = rejectedIDs.filter { $0.key.line < end.nextLine }
        } else {
            self = FollowedCollection()
        }
        fileName = newName
        mark = newMark
        if isLines {
            let start = end
            let split = start.endOffset == 0 ? try LineSplit.of(reader.path, followLinks: reader.followLinks) : nil
            let part: Part
            if let split {
                // A large file read whole: both halves at once, joined in file order, so the
                // records and diagnostics are those of one read (StoreLoaderSplitTests).
                let (first, second) = SideThread.run({
                    Result { try Self.read(reader, from: start, to: split.offset, decode) }
                }, alongside: {
                    Result { try Self.read(reader, from: .init(endOffset: split.offset, nextLine: split.line), to: nil, decode) }
                })
                part = try first.get().joined(with: try second.get())
            } else {
                part = try Self.read(reader, from: start, to: nil, decode)
            }
            records += part.records
            diagnostics += part.diagnostics
            rejectedIDs.merge(part.rejected) { _, new in new }
            end = part.end
            tailRecords = part.lines.reversed().prefix { $0 >= end.nextLine }.count
            guardBytes = fileBytes(reader.path, endingAt: end.endOffset, count: Self.guardLength) ?? []
        } else {
            var rejected: [RecordOrigin: String] = [:]
            try reader.readArray(into: &records, diagnostics: &diagnostics) { (members, origin) throws(RecordProblem) in
                try Self.decoding(members, origin, decode, &rejected)
            }
            rejectedIDs.merge(rejected) { _, new in new }
        }
        return true
    }

    /// What one read of (part of) a `.jsonl` file gave.
    struct Part {
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var rejected: [RecordOrigin: String] = [:]
        /// The line of each record, to count those of an unterminated last line.
        var lines: [Int] = []
        var end = JSONLinesReader.Result(endOffset: 0, nextLine: 1)

        /// This part followed by `next`, the part of the file after it.
        func joined(with next: Part) -> Part {
            Part(
                records: records + next.records, diagnostics: diagnostics + next.diagnostics,
                rejected: rejected.merging(next.rejected) { _, new in new }, lines: lines + next.lines, end: next.end)
        }
    }

    /// Reads the lines from `start` to `limit` (a line start; `nil`: the end of the file).
    static func read(
        _ reader: CollectionFileReader, from start: JSONLinesReader.Result, to limit: Int64?,
        _ decode: CollectionFileReader.Decode<Record>
    ) throws -> Part {
        var part = Part()
        var reader = reader
        reader.endOffset = limit
        part.end = try reader.readLines(
            from: start.endOffset, firstLine: start.nextLine, into: &part.records, diagnostics: &part.diagnostics
        ) { (members, origin) throws(RecordProblem) in
            let record = try decoding(members, origin, decode, &part.rejected)
            part.lines.append(origin.line)
            return record
        }
        return part
    }

    /// `decode`, noting the `id` of a record it refuses in `rejected`.
    static func decoding(
        _ members: [JSONMember], _ origin: RecordOrigin, _ decode: CollectionFileReader.Decode<Record>,
        _ rejected: inout [RecordOrigin: String]
    ) throws(RecordProblem) -> Record {
        do throws(RecordProblem) {
            return try decode(members, origin)
        } catch {
            if case .string(let id)? = members.last(where: { $0.key == "id" })?.value { rejected[origin] = id }
            throw error
        }
    }
}
