/// An alert's `message:` with `{...}` placeholders, checked when the rules load.
///
/// A placeholder holds a field (`{name}`, `{customer.name}`, `{days_since_last_contact}`)
/// or any expression (`{days_since(last_contact)}`); `{{` and `}}` write a literal brace.
package struct MessageTemplate: Sendable {
    package enum Part: Sendable {
        case text(String)
        case value(TypedExpression)
    }

    package var parts: [Part]

    /// Parses and checks `text`; problems carry the scalar offset inside the message.
    package static func compile(_ text: String, checker: inout ExpressionChecker) throws(ExpressionProblem)
        -> MessageTemplate
    {
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if (c == "{" || c == "}"), i + 1 < scalars.count, scalars[i + 1] == c {
                literal.append(c)
                i += 2
                continue
            }
            if c == "}" {
                throw ExpressionProblem(at: i, "a '}' without its '{'; write }} for a literal brace")
            }
            guard c == "{" else {
                literal.append(c)
                i += 1
                continue
            }
            guard let close = placeholderEnd(scalars, from: i + 1) else {
                throw ExpressionProblem(at: i, "this '{' is never closed; add '}' after the field name, or write {{")
            }
            let inner = Array(scalars[(i + 1)..<close])
            guard inner.contains(where: { !$0.properties.isWhitespace }) else {
                throw ExpressionProblem(at: i, "empty placeholder {}; name a field inside, e.g. {customer.name}")
            }
            let syntax = try ExpressionParser.parse(inner, offsetBy: i + 1)
            let (typed, _) = try checker.check(syntax)
            if !literal.isEmpty {
                parts.append(.text(String(literal)))
                literal = String.UnicodeScalarView()
            }
            parts.append(.value(typed))
            i = close + 1
        }
        if !literal.isEmpty { parts.append(.text(String(literal))) }
        return MessageTemplate(parts: parts)
    }

    /// The message for one record; missing values render as `-`.
    package func render(_ scope: ExpressionScope, _ env: ExpressionEnvironment) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s): out += s
            case .value(let e): out += e.evaluate(scope, env).rendered(in: env.zone)
            }
        }
        return out
    }

    /// The `}` closing a placeholder, skipping braces inside quoted text.
    private static func placeholderEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var i = start
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "}" {
                return i
            }
            i += 1
        }
        return nil
    }
}
