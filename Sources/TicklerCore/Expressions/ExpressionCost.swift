/// A bound on the work alerts cost, checked when the rules load, so that an alert can never
/// slow the office server down (docs/expressions.md, "Limits").
///
/// Each compiled expression has a cost in units per record: 1 per operator, field or
/// constant, more for the functions that do more (a `count_*` is a binary search in an index
/// built once per evaluation, `lower` and `contains` scan a text). An alert (its condition and
/// its message's placeholders) may cost at most ``perRecordLimit`` per record; all the alerts
/// of a rules file together at most ``fileBudget``, each weighted by how many records its
/// subject has in a large office (contacts ten times the customers). Benchmarks/alerts-cost.py
/// measures what the limits allow against a plain `tickler eval`.
package enum ExpressionCost {
    /// Most units one alert may cost per record.
    package static let perRecordLimit = 400
    /// Most weighted units all the alerts of a rules file may cost together.
    package static let fileBudget = 12_000

    /// How many records of `subject` an office has, relative to its customers.
    package static func weight(_ subject: AlertRule.Subject) -> Int {
        switch subject {
        case .contacts: 10
        case .customers, .events, .attendance: 1
        case .reps: 0
        }
    }

    /// The units of `alert` per record: its condition and every placeholder of its message.
    package static func units(_ alert: CompiledAlert) -> Int {
        var total = units(alert.condition)
        for case .value(let expression) in alert.message?.parts ?? [] { total += units(expression) }
        return total
    }

    /// The units of one expression per record.
    package static func units(_ expression: TypedExpression) -> Int {
        switch expression {
        case .constant, .field, .today: 1
        case .not(let e), .negate(let e), .isNull(let e, _): 1 + units(e)
        case .and(let l, let r), .or(let l, let r), .arithmetic(_, let l, let r), .compare(_, let l, let r):
            1 + units(l) + units(r)
        case .inList(let e, let items, _): 1 + units(e) + items.count
        case .daysSince(let e), .daysUntil(let e, _): 2 + units(e)
        case .countContacts, .countEvents, .periodCount: 32
        case .lower(let e): 8 + units(e)
        case .contains(let l, let r): 16 + units(l) + units(r)
        }
    }
}
