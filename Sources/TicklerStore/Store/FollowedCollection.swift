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
        fileName newName: String?, reader: CollectionFileReader?, decode: CollectionFileReader.Decode<Record>
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
        var rejected: [RecordOrigin: String] = [:]
        defer { rejectedIDs.merge(rejected) { _, new in new } }
        func decoding(_ members: [JSONMember], _ origin: RecordOrigin) throws(RecordProblem) -> Record {
            do throws(RecordProblem) {
                return try decode(members, origin)
            } catch {
                if case .string(let id)? = members.last(where: { $0.key == "id" })?.value { rejected[origin] = id }
                throw error
            }
        }
        if isLines {
            var lines: [Int] = []
            end = try reader.readLines(from: end.endOffset, firstLine: end.nextLine, into: &records, diagnostics: &diagnostics) {
                (members, origin) throws(RecordProblem) in
                let record = try decoding(members, origin)
                lines.append(origin.line)
                return record
            }
            tailRecords = lines.reversed().prefix { $0 >= end.nextLine }.count
            guardBytes = fileBytes(reader.path, endingAt: end.endOffset, count: Self.guardLength) ?? []
        } else {
            try reader.readArray(into: &records, diagnostics: &diagnostics, decoding)
        }
        return true
    }
}
