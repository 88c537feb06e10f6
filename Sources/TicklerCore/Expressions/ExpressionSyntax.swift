/// An alert expression as written, before type checking. Every node keeps the scalar
/// offset where it starts, so later errors can point at it.
package indirect enum ExpressionSyntax: Sendable, Hashable {
    /// Binary operators, from the loosest binding to the tightest.
    package enum BinaryOperator: String, Sendable, Hashable {
        case or, and
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case add = "+", subtract = "-", multiply = "*", divide = "/"

        package var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
            default: false
            }
        }

        package var isArithmetic: Bool {
            switch self {
            case .add, .subtract, .multiply, .divide: true
            default: false
            }
        }
    }

    case number(Double, at: Int)
    case duration(RuleDuration, at: Int)
    case string(String, at: Int)
    case bool(Bool, at: Int)
    case null(at: Int)
    /// `status` or `customer.name`: `qualifier` is the part before the dot.
    case field(qualifier: String?, name: String, at: Int, nameAt: Int)
    case call(name: String, arguments: [ExpressionSyntax], at: Int)
    case not(ExpressionSyntax, at: Int)
    case negate(ExpressionSyntax, at: Int)
    /// `at` is the operator's offset.
    case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax, at: Int)
    /// `x in [a, b]` or `x not in [a, b]`; `at` is the offset of `in` (or `not`).
    case inList(ExpressionSyntax, [ExpressionSyntax], negated: Bool, at: Int)

    /// Where the node starts in the text.
    package var offset: Int {
        switch self {
        case .number(_, let at), .duration(_, let at), .string(_, let at), .bool(_, let at), .null(let at),
            .call(_, _, let at), .not(_, let at), .negate(_, let at):
            at
        case .field(_, _, let at, _): at
        case .binary(_, let lhs, _, _): lhs.offset
        case .inList(let lhs, _, _, _): lhs.offset
        }
    }

    /// Levels of nesting: a literal is 1, `a and b` is 2, `(a + b) * c` is 3.
    package var depth: Int {
        switch self {
        case .number, .duration, .string, .bool, .null, .field: 1
        case .call(_, let arguments, _): 1 + (arguments.map(\.depth).max() ?? 0)
        case .not(let e, _), .negate(let e, _): 1 + e.depth
        case .binary(_, let l, let r, _): 1 + max(l.depth, r.depth)
        case .inList(let l, let items, _, _): 1 + max(l.depth, items.map(\.depth).max() ?? 0)
        }
    }
}

extension ExpressionSyntax {
    /// The tree fully parenthesised, `(and (> x 1) (== y "a"))`: for `explain` and tests.
    package var outline: String {
        switch self {
        case .number(let v, _): ExpressionValue.number(v).rendered(in: nil)
        case .duration(let d, _): d.description
        case .string(let s, _): "\"\(s)\""
        case .bool(let b, _): b ? "true" : "false"
        case .null: "null"
        case .field(let q, let name, _, _): (q.map { "\($0)." } ?? "") + name
        case .call(let name, let args, _): "\(name)(\(args.map(\.outline).joined(separator: ", ")))"
        case .not(let e, _): "(not \(e.outline))"
        case .negate(let e, _): "(- \(e.outline))"
        case .binary(let op, let l, let r, _): "(\(op.rawValue) \(l.outline) \(r.outline))"
        case .inList(let e, let items, let negated, _):
            "(\(negated ? "not in" : "in") \(e.outline) [\(items.map(\.outline).joined(separator: ", "))])"
        }
    }
}
