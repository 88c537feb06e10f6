/// One token of an alert expression; `offset` counts Unicode scalars from the start of the text.
package struct ExpressionToken: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case number(Double)
        case duration(RuleDuration)
        case string(String)
        case identifier(String)
        /// Punctuation and operators: `( ) [ ] , . == != < <= > >= + - * /`.
        case symbol(String)
        case end
    }

    package var kind: Kind
    package var offset: Int

    package init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}

/// A problem at a scalar offset of an expression or template; turned into a `Diagnostic`
/// once the offset is mapped to the rules file.
package struct ExpressionProblem: Error, Sendable, Hashable {
    package var offset: Int
    package var message: String

    package init(at offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Splits an expression into tokens. Never traps: anything it does not understand is a
/// problem with a position.
package enum ExpressionLexer {
    /// The tokens of `scalars`, ending with `.end`; throws at the first character that
    /// cannot start a token.
    package static func tokens(_ scalars: [Unicode.Scalar]) throws(ExpressionProblem) -> [ExpressionToken] {
        var out: [ExpressionToken] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.properties.isWhitespace {
                i += 1
            } else if isDigit(c) {
                out.append(try number(scalars, &i))
            } else if isIdentifierStart(c) {
                let start = i
                while i < scalars.count, isIdentifierPart(scalars[i]) { i += 1 }
                out.append(ExpressionToken(.identifier(text(scalars[start..<i])), at: start))
            } else if c == "\"" || c == "'" {
                out.append(try string(scalars, &i))
            } else {
                out.append(try symbol(scalars, &i))
            }
        }
        out.append(ExpressionToken(.end, at: scalars.count))
        return out
    }

    private static func number(_ s: [Unicode.Scalar], _ i: inout Int) throws(ExpressionProblem) -> ExpressionToken {
        let start = i
        while i < s.count, isDigit(s[i]) { i += 1 }
        var isDecimal = false
        if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
            isDecimal = true
            i += 1
            while i < s.count, isDigit(s[i]) { i += 1 }
        }
        let digits = text(s[start..<i])
        guard i < s.count, isIdentifierPart(s[i]) else {
            guard digits.count <= 15, let value = Double(digits) else {
                throw ExpressionProblem(at: start, "the number '\(digits)' is too long; use at most 15 digits")
            }
            return ExpressionToken(.number(value), at: start)
        }
        let unitStart = i
        while i < s.count, isIdentifierPart(s[i]) { i += 1 }
        let written = text(s[start..<i])
        guard !isDecimal, let duration = RuleDuration(parsing: written) else {
            throw ExpressionProblem(
                at: unitStart,
                "'\(written)' is neither a number nor a duration; write a duration as a whole number and a unit "
                    + "(45s, 30m, 2h, 7d, 1w)")
        }
        return ExpressionToken(.duration(duration), at: start)
    }

    private static func string(_ s: [Unicode.Scalar], _ i: inout Int) throws(ExpressionProblem) -> ExpressionToken {
        let start = i
        let quote = s[i]
        i += 1
        var value = String.UnicodeScalarView()
        while i < s.count {
            let c = s[i]
            if c == quote {
                i += 1
                return ExpressionToken(.string(String(value)), at: start)
            }
            if c == "\\" {
                guard i + 1 < s.count else { break }
                let next = s[i + 1]
                switch next {
                case "\"", "'", "\\": value.append(next)
                case "n": value.append("\n")
                case "t": value.append("\t")
                default:
                    throw ExpressionProblem(
                        at: i, "unknown escape '\\\(next)'; inside quotes write \\\" for a quote and \\\\ for a backslash")
                }
                i += 2
            } else {
                value.append(c)
                i += 1
            }
        }
        throw ExpressionProblem(at: start, "this text has no closing \(quote); add one at its end")
    }

    private static func symbol(_ s: [Unicode.Scalar], _ i: inout Int) throws(ExpressionProblem) -> ExpressionToken {
        let start = i
        let c = s[i]
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        let two = next.map { String(c) + String($0) }
        switch two {
        case "==", "!=", "<=", ">=":
            i += 2
            return ExpressionToken(.symbol(two!), at: start)
        case "&&":
            throw ExpressionProblem(at: start, "write 'and' instead of '&&'")
        case "||":
            throw ExpressionProblem(at: start, "write 'or' instead of '||'")
        default:
            break
        }
        switch c {
        case "(", ")", "[", "]", ",", ".", "<", ">", "+", "-", "*", "/":
            i += 1
            return ExpressionToken(.symbol(String(c)), at: start)
        case "=":
            throw ExpressionProblem(at: start, "write '==' to compare two values")
        case "!":
            throw ExpressionProblem(at: start, "write 'not' instead of '!' (and '!=' for 'is not equal')")
        default:
            throw ExpressionProblem(at: start, "unexpected character '\(c.escaped(asASCII: false))'")
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
