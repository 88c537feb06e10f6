import Foundation
import Testing
import TicklerStore

@Suite struct JSONLinesReaderTests {
    private struct Seen: Equatable {
        var number: Int
        var text: String
        var terminated: Bool
    }

    private func lines(_ path: String, chunk: Int = 1 << 22, max: Int = 1 << 20, from offset: Int64 = 0, line: Int = 1)
        throws -> ([Seen], JSONLinesReader.Result)
    {
        var seen: [Seen] = []
        let result = try JSONLinesReader(path: path, chunkSize: chunk, maxLineLength: max).read(from: offset, firstLine: line) {
            seen.append(Seen(number: $0.number, text: $0.isOversized ? "<\($0.length)>" : String(decoding: $0.bytes, as: UTF8.self),
                             terminated: $0.isTerminated))
        }
        return (seen, result)
    }

    @Test("lines are the same whatever the chunk size, with blank lines skipped and CRLF trimmed", arguments: [1, 2, 3, 7, 64])
    func chunking(chunk: Int) throws {
        let text = "{\"a\":1}\r\n\n   \n{\"b\":\"多字节\"}\n{\"c\":3}"
        let store = try TempStore(["x.jsonl": text])
        defer { store.remove() }
        let (seen, result) = try lines(store.path("x.jsonl"), chunk: chunk, max: 20)
        #expect(seen == [
            Seen(number: 1, text: "{\"a\":1}", terminated: true),
            Seen(number: 4, text: "{\"b\":\"多字节\"}", terminated: true),
            Seen(number: 5, text: "{\"c\":3}", terminated: false),
        ])
        #expect(result == JSONLinesReader.Result(endOffset: Int64(text.utf8.count - 7), nextLine: 5))
    }

    @Test("an oversized line is reported with its length and reading goes on after it", arguments: [3, 5, 100])
    func oversized(chunk: Int) throws {
        let text = "{}\n" + String(repeating: "x", count: 40) + "\n{\"a\":1}\n" + String(repeating: "y", count: 25)
        let store = try TempStore(["x.jsonl": text])
        defer { store.remove() }
        let (seen, _) = try lines(store.path("x.jsonl"), chunk: chunk, max: 10)
        #expect(seen.map(\.text) == ["{}", "<40>", "{\"a\":1}", "<25>"])
        #expect(seen.map(\.number) == [1, 2, 3, 4])
    }

    @Test("reading again from the end offset returns only what was appended since")
    func incremental() throws {
        let store = try TempStore(["x.jsonl": "{\"a\":1}\n{\"b\":2}\n{\"c\":"])
        defer { store.remove() }
        let path = store.path("x.jsonl")
        let (first, end) = try lines(path)
        #expect(first.map(\.number) == [1, 2, 3])
        #expect(end == JSONLinesReader.Result(endOffset: 16, nextLine: 3))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("3}\n{\"d\":4}\n".utf8))
        try handle.close()
        let (second, end2) = try lines(path, from: end.endOffset, line: end.nextLine)
        #expect(second == [Seen(number: 3, text: "{\"c\":3}", terminated: true), Seen(number: 4, text: "{\"d\":4}", terminated: true)])
        #expect(end2.nextLine == 5)
    }

    @Test("a file that cannot be opened throws")
    func missingFile() {
        #expect(throws: (any Error).self) { try lines("/nonexistent/x.jsonl") }
    }
}
