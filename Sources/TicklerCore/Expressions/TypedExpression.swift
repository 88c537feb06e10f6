/// A type-checked expression, ready to evaluate: fields are resolved to readers, functions
/// to their implementation, literals in lists to values.
package indirect enum TypedExpression: Sendable {
    case constant(ExpressionValue)
    case field(ExpressionField)
    case not(TypedExpression)
    case negate(TypedExpression)
    case and(TypedExpression, TypedExpression)
    case or(TypedExpression, TypedExpression)
    case arithmetic(ExpressionSyntax.BinaryOperator, TypedExpression, TypedExpression)
    case compare(ExpressionSyntax.BinaryOperator, TypedExpression, TypedExpression)
    /// `x == null` (or `!=` when negated).
    case isNull(TypedExpression, negated: Bool)
    case inList(TypedExpression, [ExpressionValue], negated: Bool)
    case daysSince(TypedExpression)
    case daysUntil(TypedExpression, anniversary: Bool)
    case today
    case countContacts(ActivityOwner, within: RuleDuration)
    case countEvents(ActivityOwner, named: String?, within: RuleDuration)
    case lower(TypedExpression)
    case contains(TypedExpression, TypedExpression)
    /// A rep's activity within the alert's period (`period_contacts()` and the like).
    case periodCount(PeriodCount)

    /// The value of the expression for one record. Pure; a missing value is `.null`, and
    /// every comparison involving one is false.
    package func evaluate(_ scope: ExpressionScope, _ env: ExpressionEnvironment) -> ExpressionValue {
        switch self {
        case .constant(let value):
            return value
        case .field(let field):
            return field.read(scope, env)
        case .not(let e):
            return .bool(!e.isTrue(scope, env))
        case .negate(let e):
            guard case .number(let v) = e.evaluate(scope, env) else { return .null }
            return .number(-v)
        case .and(let l, let r):
            return .bool(l.isTrue(scope, env) && r.isTrue(scope, env))
        case .or(let l, let r):
            return .bool(l.isTrue(scope, env) || r.isTrue(scope, env))
        case .arithmetic(let op, let l, let r):
            guard case .number(let a) = l.evaluate(scope, env), case .number(let b) = r.evaluate(scope, env) else {
                return .null
            }
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            default:
                guard b != 0 else { return .null }
                result = a / b
            }
            return result.isFinite ? .number(result) : .null
        case .compare(let op, let l, let r):
            guard let order = l.evaluate(scope, env).compare(to: r.evaluate(scope, env), zone: env.zone) else {
                return .bool(false)
            }
            switch op {
            case .equal: return .bool(order == 0)
            case .notEqual: return .bool(order != 0)
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .isNull(let e, let negated):
            return .bool(e.evaluate(scope, env).isNull != negated)
        case .inList(let e, let items, let negated):
            let value = e.evaluate(scope, env)
            guard !value.isNull else { return .bool(false) }
            let found = items.contains { value.compare(to: $0, zone: env.zone) == 0 }
            return .bool(found != negated)
        case .daysSince(let e):
            guard let day = TypedExpression.localDate(e.evaluate(scope, env), env.zone) else { return .null }
            return .number(Double(day.days(to: env.today)))
        case .daysUntil(let e, let anniversary):
            guard let day = TypedExpression.localDate(e.evaluate(scope, env), env.zone) else { return .null }
            let target = anniversary ? TypedExpression.nextAnniversary(of: day, from: env.today) : day
            return .number(Double(env.today.days(to: target)))
        case .today:
            return .date(env.today)
        case .countContacts(let owner, let window):
            guard let id = owner == .customer ? scope.customerID : scope.repID else { return .number(0) }
            return .number(Double(env.contacts(of: owner, id, within: window)))
        case .countEvents(let owner, let name, let window):
            guard let id = owner == .customer ? scope.customerID : scope.repID else { return .number(0) }
            return .number(Double(env.events(of: owner, id, named: name, within: window)))
        case .lower(let e):
            guard case .text(let s) = e.evaluate(scope, env) else { return .null }
            return .text(s.lowercased())
        case .contains(let l, let r):
            guard case .text(let s) = l.evaluate(scope, env), case .text(let sub) = r.evaluate(scope, env) else {
                return .bool(false)
            }
            return .bool(sub.isEmpty || s.lowercased().contains(sub.lowercased()))
        case .periodCount(let what):
            guard let period = scope.period else { return .null }
            return .number(Double(env.count(what, rep: scope.repID, in: period)))
        }
    }

    /// True only for the value `true`; a missing value counts as false.
    package func isTrue(_ scope: ExpressionScope, _ env: ExpressionEnvironment) -> Bool {
        if case .bool(true) = evaluate(scope, env) { return true }
        return false
    }

    /// The next day on or after `today` with the month and day of `date`; a 29 February
    /// falls on 28 February in common years.
    package static func nextAnniversary(of date: LocalDate, from today: LocalDate) -> LocalDate {
        func occurrence(in year: Int) -> LocalDate {
            LocalDate(year: year, month: date.month, day: min(date.day, LocalDate.daysIn(month: date.month, year: year)))
                ?? today
        }
        let thisYear = occurrence(in: today.year)
        return thisYear >= today ? thisYear : occurrence(in: today.year + 1)
    }

    private static func localDate(_ value: ExpressionValue, _ zone: Zone) -> LocalDate? {
        switch value {
        case .date(let d): d
        case .time(let t): zone.localDate(t)
        default: nil
        }
    }
}
