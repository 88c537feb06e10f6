/// A day of the week as written in the rules file (`mon` ... `sun`).
package enum Weekday: String, Sendable, Hashable, CaseIterable, Codable {
    case mon, tue, wed, thu, fri, sat, sun
}
