import Foundation
import TicklerCore

/// Small builders shared by the expression tests.
enum ExpressionFixture {
    static let shanghai = Zone(identifier: "Asia/Shanghai")!
    static let budapest = Zone(identifier: "Europe/Budapest")!

    /// `when:` starts at column 11 of line 12, as in `    when: status == ...`.
    static let whenLocation = SourceLocation(file: "rules.yaml", line: 12, column: 11)
    static let messageLocation = SourceLocation(file: "rules.yaml", line: 14, column: 15)

    static func rule(
        _ when: String, for subject: AlertRule.Subject = .customers, message: String? = nil,
        notify: [Recipient] = [.rep], name: String = "test-alert"
    ) -> AlertRule {
        AlertRule(
            name: name, subject: subject, when: when, whenLocation: whenLocation, notify: notify, message: message,
            location: SourceLocation(file: "rules.yaml", line: 10, column: 5), messageLocation: messageLocation)
    }

    /// The diagnostics of a rule that must not compile.
    static func problems(_ when: String, for subject: AlertRule.Subject = .customers, message: String? = nil)
        -> [Diagnostic]
    {
        do {
            _ = try CompiledAlert.compile(rule(when, for: subject, message: message))
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A local wall time in `zone`, `2026-11-24T09:00`.
    static func at(_ text: String, _ zone: Zone = shanghai) -> Date {
        let parts = text.split(separator: "T")
        return zone.instant(LocalDate(parsing: parts[0])!, TimeOfDay(parsing: parts[1])!)
    }

    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// The value of `expression` for `customer` at `now`.
    static func value(
        _ expression: String, customer: Customer, snapshot: Snapshot? = nil, now: Date, zone: Zone = shanghai
    ) throws -> ExpressionValue {
        var checker = ExpressionChecker(subject: .customers)
        let (typed, _) = try checker.check(try ExpressionParser.parse(expression))
        let snapshot = snapshot ?? Snapshot(customers: [customer])
        let env = ExpressionEnvironment(snapshot: snapshot, now: now, zone: zone, needs: checker.needs)
        let scope = ExpressionScope(
            customer: customer, rep: snapshot.rep(customer.rep), customerID: customer.id, repID: customer.rep)
        return typed.evaluate(scope, env)
    }
}
