import Foundation
package import TicklerCore
package import TicklerStore

/// The records `tickler record KIND --json` reads from standard input (a CRM's outgoing
/// hook, a script): one JSON object, or JSON Lines (one object a line), with the store's own
/// field names (`{"customer": "C005", "method": "phone", "at": "2026-11-24T10:30:00+08:00"}`).
/// Values are text, numbers or true/false, read like the options of `tickler record`.
package enum RecordJSONInput {
    /// One record: its line in the input and its fields as text.
    package struct Entry: Sendable {
        package var line: Int
        package var fields: [(field: String, text: String)]
    }

    /// Where problems are reported (`stdin:LINE (field): message`).
    package static let source = "stdin"

    /// The records of `bytes` for `collection`, and every problem of the input.
    package static func entries(_ bytes: [UInt8], collection: StoreCollection) -> (entries: [Entry], problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        var entries: [Entry] = []
        // The whole input as one object (it may span lines), else one object a line.
        if case .object(let members)? = parse(bytes[...]) {
            entries.append(entry(members, line: 1, collection, &problems))
            return (entries, problems)
        }
        var line = 0
        for text in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            guard text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            switch parse(text) {
            case .object(let members)?:
                entries.append(entry(members, line: line, collection, &problems))
            case let other:
                let what = other.map { "\($0.described), not an object" } ?? "not valid JSON (or UTF-8)"
                problems.append(ImportProblem(
                    SourceLocation(file: source, line: line),
                    "\(what); write one JSON object, or one object a line, e.g. {\"customer\": \"C005\", \"method\": \"phone\"}"))
            }
        }
        if entries.isEmpty, problems.isEmpty {
            problems.append(ImportProblem(SourceLocation(file: source, line: 1), "standard input is empty; write one JSON object, or one a line"))
        }
        return (entries, problems)
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) -> JSONValue? {
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        return Array(bytes).withUnsafeBufferPointer { buffer in try? JSONParser.parse(buffer) }
    }

    private static func entry(_ members: [JSONMember], line: Int, _ collection: StoreCollection, _ problems: inout [ImportProblem]) -> Entry {
        let known = collection.requiredFields + collection.optionalFields
        var fields: [(field: String, text: String)] = []
        let location = SourceLocation(file: source, line: line)
        for member in members {
            guard known.contains(member.key) else {
                let near = NearestName.suggestion(for: member.key, among: known).map { "did you mean '\($0)'? " } ?? ""
                problems.append(ImportProblem(
                    location, header: member.key,
                    "not a field of \(collection.recordName)s; \(near)the fields are \(known.joined(separator: ", "))"))
                continue
            }
            switch member.value {
            case .string(let text), .number(let text): fields.append((member.key, text))
            case .bool(let value): fields.append((member.key, value ? "true" : "false"))
            case .null: continue
            case .object, .array:
                problems.append(ImportProblem(
                    location, header: member.key, "is \(member.value.described); write text, a number, or true/false"))
            }
        }
        return Entry(line: line, fields: fields)
    }
}
