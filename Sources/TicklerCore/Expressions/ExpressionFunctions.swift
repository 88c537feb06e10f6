/// The functions of the alert language, how they are called, and their checks.
package enum ExpressionFunctions {
    /// Each function's call form, as shown in error messages and docs/expressions.md.
    package static let signatures: [(name: String, usage: String)] = [
        ("days_since", "days_since(date or time)"),
        ("days_until", "days_until(date or time)"),
        ("today", "today()"),
        ("date", "date(\"YYYY-MM-DD\")"),
        ("count_contacts", "count_contacts(7d)"),
        ("count_events", "count_events(\"late_greeting\", 30d) or count_events(30d)"),
        ("lower", "lower(text)"),
        ("contains", "contains(text, \"part\")"),
        ("period_contacts", "period_contacts() or period_contacts(\"won\")"),
        ("period_opportunities", "period_opportunities()"),
        ("period_closes", "period_closes()"),
    ]

    static func usage(_ name: String) -> String { signatures.first { $0.name == name }?.usage ?? name }
}

extension ExpressionChecker {
    mutating func checkCall(_ name: String, _ arguments: [ExpressionSyntax], at: Int) throws(ExpressionProblem)
        -> (TypedExpression, ExpressionType)
    {
        func arity(_ counts: ClosedRange<Int>) throws(ExpressionProblem) {
            guard counts.contains(arguments.count) else {
                let wanted = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)"
                throw ExpressionProblem(
                    at: at,
                    "\(name) takes \(wanted) argument\(counts.upperBound == 1 ? "" : "s"), not \(arguments.count); "
                        + "write \(ExpressionFunctions.usage(name))")
            }
        }
        if Self.periodFunctions.contains(name) { return try checkPeriodCall(name, arguments, at: at) }
        switch name {
        case "days_since", "days_until":
            try arity(1...1)
            let (typed, type) = try check(arguments[0])
            guard type == .date || type == .time else {
                throw ExpressionProblem(
                    at: arguments[0].offset,
                    "\(name) needs a date or a time, but \(describe(arguments[0])) is \(type.spoken)")
            }
            guard name == "days_until" else { return (.daysSince(typed), .number) }
            var anniversary = false
            if case .field(let field) = typed, field.isAnniversary {
                anniversary = true
                needs.insert(.anniversary)
            }
            return (.daysUntil(typed, anniversary: anniversary), .number)
        case "today":
            try arity(0...0)
            return (.today, .date)
        case "date":
            try arity(1...1)
            guard case .string(let text, let textAt) = arguments[0] else {
                throw ExpressionProblem(at: arguments[0].offset, "date(...) takes a date in quotes, e.g. date(\"2026-11-24\")")
            }
            guard let date = LocalDate(parsing: text) else {
                throw ExpressionProblem(at: textAt, "\"\(text)\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24")
            }
            return (.constant(.date(date)), .date)
        case "count_contacts":
            try arity(1...1)
            let window = try self.window(arguments[0], name)
            let owner = activityOwner(events: false)
            return (.countContacts(owner, within: window), .number)
        case "count_events":
            try arity(1...2)
            var eventName: String?
            if arguments.count == 2 {
                guard case .string(let text, _) = arguments[0] else {
                    throw ExpressionProblem(
                        at: arguments[0].offset, "count_events takes the event's name in quotes first, e.g. \"late_greeting\"")
                }
                eventName = text
            }
            let window = try self.window(arguments[arguments.count - 1], name)
            return (.countEvents(activityOwner(events: true), named: eventName, within: window), .number)
        case "lower":
            try arity(1...1)
            return (.lower(try text(arguments[0], name)), .text)
        case "contains":
            try arity(2...2)
            let part = try text(arguments[1], name)
            // A part taken from the record would make the search cost its length times the
            // text's (two 500 KB notes: 10^11 steps for one record).
            guard case .constant = part else {
                throw ExpressionProblem(
                    at: arguments[1].offset,
                    "contains looks for a fixed text: write the part in quotes, e.g. contains(note, \"complaint\")")
            }
            return (.contains(try text(arguments[0], name), part), .bool)
        default:
            let names = ExpressionFunctions.signatures.map(\.name)
            var message = "unknown function '\(name)'"
            if let near = NearestName.suggestion(for: name, among: names) { message += "; did you mean '\(near)'?" }
            if (try? resolve(qualifier: nil, name: name, at: at, nameAt: at)) != nil {
                message += "; '\(name)' is a field, write it without parentheses"
            }
            throw ExpressionProblem(at: at, message + " (functions: \(names.joined(separator: ", ")))")
        }
    }

    private mutating func text(_ syntax: ExpressionSyntax, _ function: String) throws(ExpressionProblem)
        -> TypedExpression
    {
        let (typed, type) = try check(syntax)
        guard type == .text else {
            throw ExpressionProblem(
                at: syntax.offset, "\(function) works on text, but \(describe(syntax)) is \(type.spoken)")
        }
        return typed
    }

    private func window(_ syntax: ExpressionSyntax, _ function: String) throws(ExpressionProblem) -> RuleDuration {
        guard case .duration(let window, let at) = syntax else {
            throw ExpressionProblem(
                at: syntax.offset, "\(function) needs a window such as 7d, 2w or 12h; write \(ExpressionFunctions.usage(function))")
        }
        guard window.unit != .businessDays else {
            throw ExpressionProblem(at: at, "business days (bd) are not supported in a window; write days (d) or weeks (w)")
        }
        guard window.amount > 0 else {
            throw ExpressionProblem(at: at, "a window of \(window) is empty; write at least 1\(window.unit.rawValue)")
        }
        return window
    }

    /// Customers and contacts count the customer's activity; everything else the rep's.
    private mutating func activityOwner(events: Bool) -> ActivityOwner {
        let owner: ActivityOwner = subject == .customers || subject == .contacts ? .customer : .rep
        switch (owner, events) {
        case (.customer, false): needs.insert(.contactsByCustomer)
        case (.rep, false): needs.insert(.contactsByRep)
        case (.customer, true): needs.insert(.eventsByCustomer)
        case (.rep, true): needs.insert(.eventsByRep)
        }
        return owner
    }
}
