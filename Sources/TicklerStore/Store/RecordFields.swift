package import Foundation
package import TicklerCore

/// Why one store record cannot be used; the loader turns it into a diagnostic at the
/// record's line.
package struct RecordProblem: Error, Sendable, Hashable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }
}

/// The top-level fields of one store record, read as the types SPEC section 4 gives them.
///
/// Required fields must be present and not null; an optional field that is null counts as
/// absent. A number is accepted where a string is expected when it is an integer (CRM exports
/// write ids and phone numbers as numbers); any other wrong type is a ``RecordProblem``.
/// When a field appears twice, the last one wins, as in most JSON readers.
package struct RecordFields {
    private let members: [JSONMember]
    private let zone: Zone
    /// The record's kind and required fields, for "is missing" messages.
    private let kind: String
    private let required: [String]
    private let optional: [String]

    package init(members: [JSONMember], zone: Zone, kind: String, required: [String], optional: [String] = []) {
        self.members = members
        self.zone = zone
        self.kind = kind
        self.required = required
        self.optional = optional
    }

    /// Throws for a field name that is a misspelling of one the record may have
    /// (`next_contat`): its value would be ignored without a word, and the customer followed
    /// up on the wrong date. Other unknown fields (a CRM's own columns) are ignored.
    package func checkFieldNames() throws(RecordProblem) {
        let known = required + optional
        for member in members where !known.contains(member.key) {
            if let near = NearestName.suggestion(for: member.key, among: known) {
                throw RecordProblem(
                    "field '\(member.key)' is not \(kind.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(kind) field; did you mean '\(near)'? (other unknown fields are ignored)")
            }
        }
    }

    private func value(_ key: String) -> JSONValue? {
        for member in members.reversed() where member.key == key {
            return member.value == .null ? nil : member.value
        }
        return nil
    }

    private func present(_ key: String) throws(RecordProblem) -> JSONValue {
        guard let value = value(key) else {
            let list = required.joined(separator: ", ")
            throw RecordProblem("field '\(key)' is missing (required: \(list))")
        }
        return value
    }

    private func wrong(_ key: String, _ expected: String, _ found: JSONValue) -> RecordProblem {
        RecordProblem("field '\(key)' should be \(expected), found \(found.described)")
    }

    // MARK: strings

    /// A required, non-empty string (or integer).
    package func string(_ key: String) throws(RecordProblem) -> String {
        let text = try text(key, try present(key))
        guard !text.isEmpty else { throw RecordProblem("field '\(key)' is empty") }
        return text
    }

    /// An optional string (or integer).
    package func optionalString(_ key: String) throws(RecordProblem) -> String? {
        guard let value = value(key) else { return nil }
        return try text(key, value)
    }

    private func text(_ key: String, _ value: JSONValue) throws(RecordProblem) -> String {
        switch value {
        case .string(let s): return s
        case .number(let n) where n.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 &- UInt8(ascii: "0") < 10 }):
            return n
        default: throw wrong(key, "a string", value)
        }
    }

    /// An optional string that must be one of an enumeration's raw values.
    package func optionalEnum<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(RecordProblem) -> T?
    where T.RawValue == String {
        guard let value = value(key) else { return nil }
        if case .string(let s) = value, let result = T(rawValue: s) { return result }
        let names = T.allCases.map(\.rawValue)
        guard case .string(let s) = value else { throw wrong(key, "one of " + names.joined(separator: ", "), value) }
        var message = "field '\(key)' is '\(s)'; expected one of \(names.joined(separator: ", "))"
        if let near = NearestName.suggestion(for: s, among: names) { message += " (did you mean '\(near)'?)" }
        throw RecordProblem(message)
    }

    // MARK: time

    private static let timestampForm =
        "an RFC 3339 timestamp such as \"2026-11-20T09:30:00+08:00\" or a date such as \"2026-11-20\""

    /// A required timestamp (see ``StoreTimestamp`` for the accepted forms).
    package func timestamp(_ key: String) throws(RecordProblem) -> Date {
        try timestamp(key, try present(key))
    }

    /// An optional timestamp.
    package func optionalTimestamp(_ key: String) throws(RecordProblem) -> Date? {
        guard let value = value(key) else { return nil }
        return try timestamp(key, value)
    }

    private func timestamp(_ key: String, _ value: JSONValue) throws(RecordProblem) -> Date {
        guard case .string(let s) = value, let date = StoreTimestamp.parse(s, zone: zone) else {
            throw wrong(key, RecordFields.timestampForm, value)
        }
        return date
    }

    /// A required `YYYY-MM-DD` date.
    package func date(_ key: String) throws(RecordProblem) -> LocalDate {
        try date(key, try present(key))
    }

    /// An optional `YYYY-MM-DD` date.
    package func optionalDate(_ key: String) throws(RecordProblem) -> LocalDate? {
        guard let value = value(key) else { return nil }
        return try date(key, value)
    }

    private func date(_ key: String, _ value: JSONValue) throws(RecordProblem) -> LocalDate {
        guard case .string(let s) = value, let date = LocalDate(parsing: s) else {
            throw wrong(key, "a date such as \"2026-11-20\" (YYYY-MM-DD)", value)
        }
        return date
    }

    /// An optional `HH:MM` time of day.
    package func optionalTimeOfDay(_ key: String) throws(RecordProblem) -> TimeOfDay? {
        guard let value = value(key) else { return nil }
        guard case .string(let s) = value, let time = TimeOfDay(parsing: s) else {
            throw wrong(key, "a time of day such as \"08:25\" (HH:MM)", value)
        }
        return time
    }

    // MARK: numbers and flags

    /// An optional `true`/`false`.
    package func optionalBool(_ key: String) throws(RecordProblem) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let b) = value else { throw wrong(key, "true or false", value) }
        return b
    }

    /// An optional whole number within `range`.
    package func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(RecordProblem) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let n) = value, let int = Int(n), range.contains(int) else {
            throw wrong(key, "a whole number from \(range.lowerBound) to \(range.upperBound)", value)
        }
        return int
    }

    /// An optional number within `range`.
    package func optionalDouble(_ key: String, in range: ClosedRange<Double>) throws(RecordProblem) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let n) = value, let double = Double(n), range.contains(double) else {
            throw wrong(key, "a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))", value)
        }
        return double
    }

    /// An optional exact decimal amount (money).
    package func optionalDecimal(_ key: String) throws(RecordProblem) -> Decimal? {
        guard let value = value(key) else { return nil }
        if case .number(let n) = value, let problem = MoneyText.problem(n) {
            throw RecordProblem("field '\(key)' \(problem)")
        }
        guard case .number(let n) = value, let decimal = Decimal(string: n, locale: Locale(identifier: "en_US_POSIX"))
        else { throw wrong(key, "a number such as 120000 or 99.50", value) }
        return decimal
    }
}
