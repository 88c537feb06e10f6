import Foundation
package import TicklerCore
package import TicklerStore

/// Writes store records as one-line JSON objects, fields in the order given.
///
/// Written by hand rather than with `JSONEncoder`: the store keeps field order (the sheet's
/// order, or the record's own), numbers as exact literals (`1234.50` stays `1234.50`), and
/// non-ASCII text as is, which `JSONEncoder` and `JSONSerialization` do not promise.
package enum ImportJSON {
    /// `{"id":"C001","name":"…"}` for `fields`.
    package static func object(_ fields: [(name: String, value: ImportedValue)]) -> String {
        "{" + fields.map { "\(string($0.name)):\(literal($0.value))" }.joined(separator: ",") + "}"
    }

    /// The JSON members of `fields`, as the store loader would read them.
    package static func members(_ fields: [(name: String, value: ImportedValue)]) -> [JSONMember] {
        fields.map { JSONMember(key: $0.name, value: json($0.value)) }
    }

    /// `existing` with `fields` set (replacing a field of the same name where it stands, adding
    /// the others at the end). `nil` when `existing` holds nested objects or arrays, which
    /// ``JSONMember`` does not keep: the caller then keeps them through `JSONSerialization`.
    package static func merged(_ existing: [JSONMember], _ fields: [(name: String, value: ImportedValue)]) -> String? {
        var out: [(String, String)] = []
        for member in existing {
            let text: String
            switch member.value {
            case .string(let s): text = string(s)
            case .number(let n): text = n
            case .bool(let b): text = b ? "true" : "false"
            case .null: text = "null"
            case .object, .array: return nil
            }
            if let index = out.firstIndex(where: { $0.0 == member.key }) { out.remove(at: index) }
            out.append((member.key, text))
        }
        for field in fields {
            if let index = out.firstIndex(where: { $0.0 == field.name }) {
                out[index].1 = literal(field.value)
            } else {
                out.append((field.name, literal(field.value)))
            }
        }
        return "{" + out.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// `rawText` (a JSON object with nested values) with `fields` set, through Foundation.
    package static func mergedNested(_ rawText: [UInt8], _ fields: [(name: String, value: ImportedValue)]) -> String? {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(rawText))) as? [String: Any] else { return nil }
        for field in fields {
            switch field.value {
            case .text(let s): object[field.name] = s
            case .number(let n): object[field.name] = NSDecimalNumber(string: n)
            case .bool(let b): object[field.name] = b
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func json(_ value: ImportedValue) -> JSONValue {
        switch value {
        case .text(let s): .string(s)
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        }
    }

    static func literal(_ value: ImportedValue) -> String {
        switch value {
        case .text(let s): string(s)
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
