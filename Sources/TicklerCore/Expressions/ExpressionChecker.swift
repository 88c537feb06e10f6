/// Type-checks parsed expressions for one alert subject and resolves their fields.
///
/// Every problem names the position of the part that is wrong and says what to write instead.
package struct ExpressionChecker {
    package let subject: AlertRule.Subject
    /// What the checked expressions read; grows with each `check`.
    package internal(set) var needs: ExpressionNeeds = []
    private let own: [String: ExpressionField]
    private let qualified: [String: [String: ExpressionField]]
    /// The contact methods `method` may be compared with: the built-in ones and the office's own.
    private let contactMethods: [String]
    /// Whether the alert has `every:`, so that `period_*()` have a period to count in.
    let hasPeriod: Bool

    package init(
        subject: AlertRule.Subject, contactMethods: [String] = ContactMethod.allCases.map(\.rawValue),
        hasPeriod: Bool = false
    ) {
        self.subject = subject
        self.contactMethods = contactMethods
        self.hasPeriod = hasPeriod
        own = Dictionary(ExpressionFields.own(subject).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var qualified: [String: [String: ExpressionField]] = [:]
        for (name, fields) in ExpressionFields.qualified(subject) {
            qualified[name] = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.qualified = qualified
    }

    /// Checks a `when:` condition: it must be true or false.
    package mutating func checkCondition(_ syntax: ExpressionSyntax) throws(ExpressionProblem) -> TypedExpression {
        let (typed, type) = try check(syntax)
        guard type == .bool else {
            throw ExpressionProblem(
                at: syntax.offset,
                "the condition is \(type.spoken), not true or false; compare it, e.g. days_since(last_contact) > 10")
        }
        return typed
    }

    /// Checks any expression and returns it typed.
    package mutating func check(_ syntax: ExpressionSyntax) throws(ExpressionProblem) -> (TypedExpression, ExpressionType)
    {
        switch syntax {
        case .number(let v, _): return (.constant(.number(v)), .number)
        case .duration(let d, _): return (.constant(.duration(d)), .duration)
        case .string(let s, _): return (.constant(.text(s)), .text)
        case .bool(let b, _): return (.constant(.bool(b)), .bool)
        case .null: return (.constant(.null), .null)
        case .field(let qualifier, let name, let at, let nameAt):
            let field = try resolve(qualifier: qualifier, name: name, at: at, nameAt: nameAt)
            needs.formUnion(field.needs)
            return (.field(field), field.type)
        case .call(let name, let arguments, let at):
            return try checkCall(name, arguments, at: at)
        case .not(let e, _):
            return (.not(try condition(e, "'not'")), .bool)
        case .negate(let e, let at):
            let (typed, type) = try check(e)
            guard type == .number else {
                throw ExpressionProblem(at: at, "'-' works on numbers; this is \(type.spoken)")
            }
            return (.negate(typed), .number)
        case .binary(let op, let l, let r, let at):
            return try checkBinary(op, l, r, at: at)
        case .inList(let e, let items, let negated, let at):
            return try checkIn(e, items, negated: negated, at: at)
        }
    }

    private mutating func condition(_ e: ExpressionSyntax, _ what: String) throws(ExpressionProblem) -> TypedExpression {
        let (typed, type) = try check(e)
        guard type == .bool else {
            throw ExpressionProblem(
                at: e.offset, "\(what) needs a condition (true or false) here, but this is \(type.spoken)")
        }
        return typed
    }

    private mutating func checkBinary(
        _ op: ExpressionSyntax.BinaryOperator, _ l: ExpressionSyntax, _ r: ExpressionSyntax, at: Int
    ) throws(ExpressionProblem) -> (TypedExpression, ExpressionType) {
        switch op {
        case .and: return (.and(try condition(l, "'and'"), try condition(r, "'and'")), .bool)
        case .or: return (.or(try condition(l, "'or'"), try condition(r, "'or'")), .bool)
        default: break
        }
        var (lt, ltype) = try check(l)
        var (rt, rtype) = try check(r)
        for (side, type) in [(l, ltype), (r, rtype)] where type == .duration {
            throw ExpressionProblem(
                at: side.offset,
                "a duration such as 7d only goes inside count_contacts(7d) or count_events(\"name\", 30d); "
                    + "to compare days write a number, e.g. days_since(last_contact) > 7")
        }
        if op.isArithmetic {
            guard ltype == .number, rtype == .number else {
                let culprit = ltype == .number ? r : l
                let type = ltype == .number ? rtype : ltype
                throw ExpressionProblem(
                    at: at, "'\(op.rawValue)' works on numbers, but \(describe(culprit)) is \(type.spoken)")
            }
            return (.arithmetic(op, lt, rt), .number)
        }
        if ltype == .null || rtype == .null {
            guard op == .equal || op == .notEqual else {
                throw ExpressionProblem(at: at, "only == and != work with null; write e.g. last_contact == null")
            }
            let other = ltype == .null ? rt : lt
            return (.isNull(other, negated: op == .notEqual), .bool)
        }
        (lt, ltype) = try coerce(lt, ltype, toward: rtype, syntax: l)
        (rt, rtype) = try coerce(rt, rtype, toward: ltype, syntax: r)
        guard ltype.isComparable(with: rtype) else {
            var hint = ""
            if (ltype == .date || ltype == .time) && rtype == .number || (rtype == .date || rtype == .time)
                && ltype == .number
            {
                hint = "; write a date as date(\"2026-11-24\"), or count days with days_since(...)"
            } else if ltype == .text || rtype == .text {
                hint = "; put text in quotes, e.g. status == \"prospect\""
            }
            throw ExpressionProblem(
                at: at, "'\(op.rawValue)' cannot compare \(describe(l)), \(ltype.spoken), with \(rtype.spoken)\(hint)")
        }
        if op != .equal && op != .notEqual && (ltype == .text || ltype == .bool) {
            throw ExpressionProblem(
                at: at,
                "'\(op.rawValue)' orders numbers, dates and times; \(describe(l)) is \(ltype.spoken): use == or != "
                    + "(or 'in [...]')")
        }
        try checkAllowed(l, r)
        try checkAllowed(r, l)
        return (.compare(op, lt, rt), .bool)
    }

    private mutating func checkIn(_ e: ExpressionSyntax, _ items: [ExpressionSyntax], negated: Bool, at: Int)
        throws(ExpressionProblem) -> (TypedExpression, ExpressionType)
    {
        let (typed, type) = try check(e)
        var values: [ExpressionValue] = []
        for item in items {
            var (itemTyped, itemType) = try check(item)
            (itemTyped, itemType) = try coerce(itemTyped, itemType, toward: type, syntax: item)
            guard case .constant(let value) = itemTyped else {
                throw ExpressionProblem(at: item.offset, "a list after 'in' holds only values such as \"lead\" or 3")
            }
            guard itemType.isComparable(with: type), itemType != .duration else {
                throw ExpressionProblem(
                    at: item.offset, "this list item is \(itemType.spoken), but \(describe(e)) is \(type.spoken)")
            }
            try checkAllowed(e, item)
            values.append(value)
        }
        return (.inList(typed, values, negated: negated), .bool)
    }

    /// A text literal compared with a date or a time of day is read as one: `"2026-11-24"`, `"08:40"`.
    private func coerce(_ typed: TypedExpression, _ type: ExpressionType, toward other: ExpressionType,
        syntax: ExpressionSyntax) throws(ExpressionProblem) -> (TypedExpression, ExpressionType)
    {
        guard type == .text, case .constant(.text(let s)) = typed else { return (typed, type) }
        switch other {
        case .date, .time:
            guard let date = LocalDate(parsing: s) else {
                throw ExpressionProblem(at: syntax.offset, "\"\(s)\" is not a date; write it as YYYY-MM-DD")
            }
            return (.constant(.date(date)), .date)
        case .clock:
            guard let clock = TimeOfDay(parsing: s) else {
                throw ExpressionProblem(at: syntax.offset, "\"\(s)\" is not a time of day; write it as HH:MM")
            }
            return (.constant(.clock(clock)), .clock)
        default:
            return (typed, type)
        }
    }

    /// `status == "prospct"` can never be true: say so when the rules load.
    private func checkAllowed(_ fieldSyntax: ExpressionSyntax, _ valueSyntax: ExpressionSyntax) throws(ExpressionProblem) {
        guard case .field(let qualifier, let name, let at, let nameAt) = fieldSyntax,
            case .string(let value, let valueAt) = valueSyntax,
            let field = try? resolve(qualifier: qualifier, name: name, at: at, nameAt: nameAt),
            let allowed = field.name == "method" && field.allowedValues != nil ? contactMethods : field.allowedValues,
            !allowed.contains(value)
        else { return }
        let suggestion = NearestName.suggestion(for: value, among: allowed).map { " did you mean \"\($0)\"?" } ?? ""
        throw ExpressionProblem(
            at: valueAt,
            "\(name) is never \"\(value)\";\(suggestion) it is one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
    }

    func resolve(qualifier: String?, name: String, at: Int, nameAt: Int) throws(ExpressionProblem) -> ExpressionField {
        guard let qualifier else {
            if let field = own[name] { return field }
            let names = ExpressionFields.own(subject).map(\.name)
            var message = "unknown field '\(name)' for \(subject.rawValue)"
            if let near = NearestName.suggestion(for: name, among: names) { message += "; did you mean '\(near)'?" }
            if qualified[name] != nil { message += "; '\(name)' is a linked record: write \(name).FIELD" }
            message += " (fields: \(names.joined(separator: ", "))"
            let links = ExpressionFields.qualified(subject).map { "\($0.qualifier).FIELD" }
            throw ExpressionProblem(at: at, message + "; linked: \(links.joined(separator: ", ")))")
        }
        guard let fields = qualified[qualifier] else {
            let links = ExpressionFields.qualified(subject).map(\.qualifier)
            let near = NearestName.suggestion(for: qualifier, among: links).map { " did you mean '\($0)'?" } ?? ""
            throw ExpressionProblem(
                at: at,
                "'\(qualifier)' is not a record linked from \(subject.rawValue);\(near) linked records: "
                    + links.joined(separator: ", "))
        }
        if let field = fields[name] { return field }
        let names = ExpressionFields.qualified(subject).first { $0.qualifier == qualifier }?.fields.map(\.name) ?? []
        let near = NearestName.suggestion(for: name, among: names).map { " did you mean '\($0)'?" } ?? ""
        throw ExpressionProblem(
            at: nameAt,
            "unknown field '\(name)' of \(qualifier);\(near) fields of \(qualifier): \(names.joined(separator: ", "))")
    }

    func describe(_ syntax: ExpressionSyntax) -> String {
        switch syntax {
        case .field(let q, let name, _, _): "'" + (q.map { "\($0)." } ?? "") + name + "'"
        case .call(let name, _, _): "\(name)(...)"
        case .string(let s, _): "\"\(s)\""
        case .number(let v, _): ExpressionValue.number(v).rendered(in: nil)
        default: "this"
        }
    }
}
