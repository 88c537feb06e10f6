/// Parses alert expressions into ``ExpressionSyntax``.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons and `in` (not chained),
/// `+ -`, `* /`, unary `-`, then literals, fields, calls and parentheses. The cost is
/// bounded: the text may hold at most ``maximumLength`` Unicode scalars and nest at most
/// ``maximumDepth`` levels, so a rules file can never make the daemon recurse or loop deeply.
package struct ExpressionParser {
    /// Longest expression accepted, in Unicode scalars.
    package static let maximumLength = 1000
    /// Deepest nesting accepted (operators, parentheses, calls).
    package static let maximumDepth = 32

    private var tokens: [ExpressionToken]
    private var position = 0
    private var nesting = 0

    /// Parses a whole expression; throws the first problem found, at its offset.
    package static func parse(_ text: String) throws(ExpressionProblem) -> ExpressionSyntax {
        let scalars = Array(text.unicodeScalars)
        return try parse(scalars, offsetBy: 0)
    }

    /// Parses `scalars`, reporting offsets shifted by `base` (for placeholders of a template).
    package static func parse(_ scalars: [Unicode.Scalar], offsetBy base: Int) throws(ExpressionProblem)
        -> ExpressionSyntax
    {
        guard scalars.count <= maximumLength else {
            throw ExpressionProblem(
                at: base + maximumLength,
                "the expression is longer than \(maximumLength) characters; split it into several alerts")
        }
        var tokens = try ExpressionLexer.tokens(scalars)
        for i in tokens.indices { tokens[i].offset += base }
        var parser = ExpressionParser(tokens: tokens)
        guard tokens.count > 1 else {
            throw ExpressionProblem(at: base, "the expression is empty; write a condition such as status == \"lead\"")
        }
        let syntax = try parser.orExpression()
        guard case .end = parser.current.kind else {
            throw ExpressionProblem(
                at: parser.current.offset, "unexpected \(parser.describe(parser.current)); is an 'and' or 'or' missing?")
        }
        if syntax.depth > 2 * maximumDepth {
            throw ExpressionProblem(
                at: syntax.offset,
                "the expression is too complex (more than \(2 * maximumDepth) levels); split it into several alerts")
        }
        return syntax
    }

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(let t) = current.kind { return t == s }
        return false
    }

    private func isKeyword(_ k: String) -> Bool {
        if case .identifier(let t) = current.kind { return t == k }
        return false
    }

    private mutating func expect(_ s: String, _ hint: String) throws(ExpressionProblem) {
        guard isSymbol(s) else {
            throw ExpressionProblem(at: current.offset, "expected '\(s)' \(hint), found \(describe(current))")
        }
        advance()
    }

    private mutating func enter(_ offset: Int) throws(ExpressionProblem) {
        nesting += 1
        if nesting > ExpressionParser.maximumDepth {
            throw ExpressionProblem(
                at: offset,
                "the expression nests deeper than \(ExpressionParser.maximumDepth) levels; split it into several alerts")
        }
    }

    private mutating func orExpression() throws(ExpressionProblem) -> ExpressionSyntax {
        var lhs = try andExpression()
        while isKeyword("or") {
            let at = current.offset
            advance()
            lhs = .binary(.or, lhs, try andExpression(), at: at)
        }
        return lhs
    }

    private mutating func andExpression() throws(ExpressionProblem) -> ExpressionSyntax {
        var lhs = try notExpression()
        while isKeyword("and") {
            let at = current.offset
            advance()
            lhs = .binary(.and, lhs, try notExpression(), at: at)
        }
        return lhs
    }

    private mutating func notExpression() throws(ExpressionProblem) -> ExpressionSyntax {
        guard isKeyword("not") else { return try comparison() }
        let at = current.offset
        try enter(at)
        defer { nesting -= 1 }
        advance()
        return .not(try notExpression(), at: at)
    }

    private mutating func comparison() throws(ExpressionProblem) -> ExpressionSyntax {
        let lhs = try additive()
        if case .symbol(let s) = current.kind, let op = ExpressionSyntax.BinaryOperator(rawValue: s), op.isComparison {
            let at = current.offset
            advance()
            let rhs = try additive()
            if case .symbol(let next) = current.kind,
                ExpressionSyntax.BinaryOperator(rawValue: next)?.isComparison == true
            {
                throw ExpressionProblem(
                    at: current.offset, "comparisons cannot be chained; write 'a < b and b < c' instead of 'a < b < c'")
            }
            return .binary(op, lhs, rhs, at: at)
        }
        var negated = false
        let at = current.offset
        if isKeyword("not"), position + 1 < tokens.count, tokens[position + 1].kind == .identifier("in") {
            negated = true
            advance()
        }
        guard isKeyword("in") else { return lhs }
        advance()
        return .inList(lhs, try list(), negated: negated, at: at)
    }

    private mutating func list() throws(ExpressionProblem) -> [ExpressionSyntax] {
        try expect("[", "after 'in' (a list such as [\"lead\", \"prospect\"])")
        var items: [ExpressionSyntax] = []
        while !isSymbol("]") {
            items.append(try additive())
            guard isSymbol(",") else { break }
            advance()
        }
        try expect("]", "to close the list")
        return items
    }

    private mutating func additive() throws(ExpressionProblem) -> ExpressionSyntax {
        var lhs = try multiplicative()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            let at = current.offset
            advance()
            lhs = .binary(s == "+" ? .add : .subtract, lhs, try multiplicative(), at: at)
        }
        return lhs
    }

    private mutating func multiplicative() throws(ExpressionProblem) -> ExpressionSyntax {
        var lhs = try unary()
        while case .symbol(let s) = current.kind, s == "*" || s == "/" {
            let at = current.offset
            advance()
            lhs = .binary(s == "*" ? .multiply : .divide, lhs, try unary(), at: at)
        }
        return lhs
    }

    private mutating func unary() throws(ExpressionProblem) -> ExpressionSyntax {
        guard isSymbol("-") else { return try primary() }
        let at = current.offset
        try enter(at)
        defer { nesting -= 1 }
        advance()
        return .negate(try unary(), at: at)
    }

    private mutating func primary() throws(ExpressionProblem) -> ExpressionSyntax {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value, at: token.offset)
        case .duration(let duration):
            advance()
            return .duration(duration, at: token.offset)
        case .string(let value):
            advance()
            return .string(value, at: token.offset)
        case .symbol("("):
            try enter(token.offset)
            defer { nesting -= 1 }
            advance()
            let inner = try orExpression()
            try expect(")", "to close the '('")
            return inner
        case .identifier(let name):
            return try identifier(name, at: token.offset)
        default:
            throw ExpressionProblem(at: token.offset, "expected a value, a field or '(', found \(describe(token))")
        }
    }

    private mutating func identifier(_ name: String, at: Int) throws(ExpressionProblem) -> ExpressionSyntax {
        switch name {
        case "true", "false":
            advance()
            return .bool(name == "true", at: at)
        case "null":
            advance()
            return .null(at: at)
        case "and", "or", "in", "not":
            throw ExpressionProblem(at: at, "expected a value or a field before '\(name)'")
        default:
            break
        }
        advance()
        if isSymbol("(") {
            try enter(at)
            defer { nesting -= 1 }
            advance()
            var arguments: [ExpressionSyntax] = []
            while !isSymbol(")") {
                arguments.append(try orExpression())
                guard isSymbol(",") else { break }
                advance()
            }
            try expect(")", "to close the arguments of \(name)(...)")
            return .call(name: name, arguments: arguments, at: at)
        }
        guard isSymbol(".") else { return .field(qualifier: nil, name: name, at: at, nameAt: at) }
        advance()
        guard case .identifier(let member) = current.kind else {
            throw ExpressionProblem(at: current.offset, "expected a field name after '\(name).'")
        }
        let memberAt = current.offset
        advance()
        return .field(qualifier: name, name: member, at: at, nameAt: memberAt)
    }

    private func describe(_ token: ExpressionToken) -> String {
        switch token.kind {
        case .number(let v): "the number \(ExpressionValue.number(v).rendered(in: nil))"
        case .duration(let d): "the duration \(d)"
        case .string(let s): "the text \"\(s)\""
        case .identifier(let s): "'\(s)'"
        case .symbol(let s): "'\(s)'"
        case .end: "the end of the expression"
        }
    }
}
