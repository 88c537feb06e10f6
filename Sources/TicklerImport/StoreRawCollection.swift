import Foundation
package import TicklerStore

/// The records of one collection file exactly as written, so that an import rewrites the
/// records it does not change byte for byte (a CRM's own fields, nested values, spacing).
package struct StoreRawCollection: Sendable {
    /// One record: its text, its top-level fields (nil when it is not a JSON object), and the
    /// line it starts on.
    package struct Record: Sendable {
        package var text: [UInt8]
        package var members: [JSONMember]?
        package var line: Int
    }

    /// The file's name in the store (`customers.json`, `contacts.jsonl`).
    package var fileName: String
    package var records: [Record]
    /// Whether the file exists now.
    package var exists: Bool

    package var isLines: Bool { fileName.hasSuffix(".jsonl") }

    /// The records of `fileName` in `directory` (none when it does not exist). Throws
    /// ``SheetError`` when the file is not a readable array or lines file: an import must not
    /// rewrite what it cannot read.
    package static func read(directory: String, fileName: String) throws(SheetError) -> StoreRawCollection {
        let path = (directory as NSString).appendingPathComponent(fileName)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return StoreRawCollection(fileName: fileName, records: [], exists: false)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SheetError("\(path): not a regular file (a symbolic link, FIFO or folder); an import writes only to a plain collection file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheetError("\(path): cannot be read; check its permissions")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [Record] = []
        if fileName.hasSuffix(".jsonl") {
            var line = 0
            for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                line += 1
                var text = Array(piece)
                if text.last == UInt8(ascii: "\r") { text.removeLast() }
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                records.append(Record(text: text, members: members(text), line: line))
            }
        } else {
            let split: Result<[JSONArraySplitter.Element], JSONArraySplitter.Failure> = bytes.withUnsafeBufferPointer { buffer in
                do throws(JSONArraySplitter.Failure) {
                    return .success(try JSONArraySplitter.split(buffer))
                } catch {
                    return .failure(error)
                }
            }
            let elements: [JSONArraySplitter.Element]
            switch split {
            case .success(let found): elements = found
            case .failure(let error):
                throw SheetError("\(path):\(error.line): \(error.message); fix the file before importing into it")
            }
            for element in elements {
                let text = Array(bytes[element.start..<element.end])
                records.append(Record(text: text, members: members(text), line: element.line))
            }
        }
        return StoreRawCollection(fileName: fileName, records: records, exists: true)
    }

    private static func members(_ text: [UInt8]) -> [JSONMember]? {
        let value = text.withUnsafeBufferPointer { buffer in try? JSONParser.parse(buffer) }
        guard case .object(let members) = value else { return nil }
        return members
    }
}
