package import TicklerCore
import SystemPackage

/// Reads the records of one collection file, turning each bad record into a diagnostic at
/// its line and skipping it.
package struct CollectionFileReader: Sendable {
    /// The file to open.
    package var path: String
    /// The file name relative to the store directory, for `RecordOrigin`.
    package var name: String
    /// How diagnostics name the file (the store directory joined with `name`).
    package var displayPath: String
    package var collection: StoreCollection
    /// Whether a symbolic link at `path` is followed (``CollectionFile/followsLinks(in:)``).
    package var followLinks: Bool
    /// Where a `.jsonl` read stops (a line start); `nil`: the end of the file.
    package var endOffset: Int64?

    package init(path: String, name: String, displayPath: String, collection: StoreCollection, followLinks: Bool = true) {
        self.path = path
        self.name = name
        self.displayPath = displayPath
        self.collection = collection
        self.followLinks = followLinks
    }

    /// Decodes one record's members; throws ``RecordProblem`` for a bad record.
    package typealias Decode<T> = ([JSONMember], RecordOrigin) throws(RecordProblem) -> T
    /// A ``Decode`` that may run on another thread (a large file is decoded in two halves).
    package typealias SendableDecode<T> = @Sendable ([JSONMember], RecordOrigin) throws(RecordProblem) -> T

    /// Reads a `.jsonl` file from `offset` (a line start numbered `firstLine`), appending good
    /// records to `records` and problems to `diagnostics`. Throws `Errno` on I/O failure.
    @discardableResult
    package func readLines<T>(
        from offset: Int64 = 0, firstLine: Int = 1, into records: inout [T], diagnostics: inout [Diagnostic],
        _ decode: Decode<T>
    ) throws -> JSONLinesReader.Result {
        if offset == 0 {
            // Checked on a descriptor opened as the reader opens it: never blocks on a FIFO.
            let fd = try CollectionFile.open(path, followLinks: followLinks)
            defer { try? fd.close() }
            if TextEncoding.isUTF16(try FileBytes.prefix(fd, count: 64)) {
                diagnostics.append(utf16Diagnostic())
                return JSONLinesReader.Result(endOffset: 0, nextLine: 1)
            }
        }
        var reader = JSONLinesReader(path: path)
        reader.followLinks = followLinks
        reader.endOffset = endOffset
        return try reader.read(from: offset, firstLine: firstLine) { line in
            var line = line
            if line.number == 1, offset == 0, TextEncoding.bomLength(line.bytes) > 0 {
                // A byte order mark (Notepad, Excel) is not part of the first record.
                line.bytes = UnsafeBufferPointer(rebasing: line.bytes[TextEncoding.bomLength(line.bytes)...])
                if line.bytes.isEmpty { return }
            }
            let location = SourceLocation(file: displayPath, line: line.number)
            if line.isOversized {
                diagnostics.append(Diagnostic(location, skipped(
                    "the line is \(line.length) bytes long, more than a record may be (1 MiB); is the file missing its line breaks?")))
                return
            }
            let value: JSONValue
            do throws(JSONSyntaxError) {
                value = try JSONParser.parse(line.bytes)
            } catch {
                if !line.isTerminated {
                    diagnostics.append(Diagnostic(location, "the last line is incomplete (no line break at its end and not valid JSON), so it was skipped: a writer crashed or is still appending. If no writer is running, complete or remove the line.", severity: .warning))
                } else {
                    let column = CollectionFileReader.column(of: error.offset, in: line.bytes)
                    diagnostics.append(Diagnostic(location, skipped("not valid JSON at column \(column): \(error.message)")))
                }
                return
            }
            decodeValue(value, line: line.number, location: location, into: &records, &diagnostics, decode)
        }
    }

    /// Reads a `.json` array file, appending good records to `records` and problems to
    /// `diagnostics`; a file that is not a JSON array at all gives one diagnostic and no
    /// records. Throws `Errno` on I/O failure and ``FileBytes/TooLarge`` over ``maxArrayBytes``.
    /// Largest `.json` collection read, in bytes: it is read whole, so its size is the memory it
    /// takes. A `.jsonl` file has no such limit (it is read a line at a time).
    package static let maxArrayBytes = 256 << 20

    package func readArray<T>(into records: inout [T], diagnostics: inout [Diagnostic], _ decode: Decode<T>) throws {
        let fd = try CollectionFile.open(path, followLinks: followLinks)
        defer { try? fd.close() }
        let bytes = try FileBytes.read(fd, maxBytes: CollectionFileReader.maxArrayBytes)
        if TextEncoding.isUTF16(bytes) {
            diagnostics.append(utf16Diagnostic())
            return
        }
        bytes.withUnsafeBufferPointer { all in
            let elements: [JSONArraySplitter.Element]
            do throws(JSONArraySplitter.Failure) {
                elements = try JSONArraySplitter.split(all)
            } catch {
                let location = SourceLocation(file: displayPath, line: error.line)
                diagnostics.append(Diagnostic(location, "not a valid JSON array, so no \(collection.rawValue) were read from this file: \(error.message)"))
                return
            }
            records.reserveCapacity(records.count + elements.count)
            for element in elements {
                let location = SourceLocation(file: displayPath, line: element.line)
                let text = UnsafeBufferPointer(rebasing: all[element.start..<element.end])
                let value: JSONValue
                do throws(JSONSyntaxError) {
                    value = try JSONParser.parse(text)
                } catch {
                    let absolute = element.start + min(error.offset, text.count)
                    let before = UnsafeBufferPointer(rebasing: all[element.start..<absolute])
                    let line = element.line + before.count(where: { $0 == 0x0A })
                    let lineStart = (all[..<absolute].lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
                    let column = CollectionFileReader.column(
                        of: absolute - lineStart, in: UnsafeBufferPointer(rebasing: all[lineStart...]))
                    diagnostics.append(Diagnostic(location, skipped("not valid JSON at line \(line), column \(column): \(error.message)")))
                    continue
                }
                decodeValue(value, line: element.line, location: location, into: &records, &diagnostics, decode)
            }
        }
    }

    private func decodeValue<T>(
        _ value: JSONValue, line: Int, location: SourceLocation, into records: inout [T],
        _ diagnostics: inout [Diagnostic], _ decode: Decode<T>
    ) {
        guard case .object(let members) = value else {
            diagnostics.append(Diagnostic(location, skipped("expected a JSON object ({...}), found \(value.described)")))
            return
        }
        do throws(RecordProblem) {
            records.append(try decode(members, RecordOrigin(file: name, line: line)))
        } catch {
            diagnostics.append(Diagnostic(location, skipped(error.message)))
        }
    }

    /// A UTF-16 file: one error, and no records read from it.
    private func utf16Diagnostic() -> Diagnostic {
        Diagnostic(
            SourceLocation(file: displayPath, line: 1),
            TextEncoding.utf16Message("file") + "; no \(collection.rawValue) were read from it")
    }

    private func skipped(_ reason: String) -> String { "\(collection.recordName) skipped: \(reason)" }

    /// 1-based column of a byte offset, counting Unicode scalars (not bytes) before it.
    private static func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for b in bytes.prefix(max(0, offset)) where b & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
