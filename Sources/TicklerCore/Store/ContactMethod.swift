/// How a contact was made: one of the five built-in methods, or one of the office's own
/// (`contact_methods:` in the rules, e.g. `internet` or `trade_fair`, seed 002).
///
/// A struct rather than an enum so that an office's methods are values like the built-in
/// ones; which names a store may use is decided by the rules (``OfficeContactMethods``).
package struct ContactMethod: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package var rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    package static let phone = ContactMethod(rawValue: "phone")
    package static let wechat = ContactMethod(rawValue: "wechat")
    package static let visit = ContactMethod(rawValue: "visit")
    package static let email = ContactMethod(rawValue: "email")
    package static let other = ContactMethod(rawValue: "other")

    /// The built-in methods, in the order of the report's columns.
    package static let allCases: [ContactMethod] = [.phone, .wechat, .visit, .email, .other]

    /// True for the five built-in methods, whose labels Tickler knows in every language.
    package var isBuiltIn: Bool { Self.allCases.contains(self) }

    package var description: String { rawValue }
}
