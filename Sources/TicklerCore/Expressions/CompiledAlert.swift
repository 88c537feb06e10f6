/// An `alerts:` entry whose condition and message are parsed and type-checked, ready to
/// evaluate against any snapshot.
package struct CompiledAlert: Sendable {
    package var rule: AlertRule
    package var condition: TypedExpression
    package var message: MessageTemplate?
    /// The indexes and linked records the condition and message read.
    package var needs: ExpressionNeeds

    /// Parses and checks `rule.when` and `rule.message` for the rule's subject.
    ///
    /// Throws every problem found (at most one in the condition and one in the message),
    /// each at `FILE:LINE:COLUMN` inside the text: syntax errors, unknown fields (with a
    /// "did you mean" and the subject's fields), unknown functions, wrong argument counts
    /// or types, operands of the wrong type, and texts longer or deeper than the limits.
    /// `contactMethods` are the values `method` may be compared with (the office's own too).
    package static func compile(
        _ rule: AlertRule, contactMethods: [String] = ContactMethod.allCases.map(\.rawValue)
    ) throws(DiagnosticsError) -> CompiledAlert {
        var checker = ExpressionChecker(subject: rule.subject, contactMethods: contactMethods, hasPeriod: rule.every != nil)
        var diagnostics: [Diagnostic] = []
        var condition: TypedExpression?
        do {
            let syntax = try ExpressionParser.parse(rule.when)
            condition = try checker.checkCondition(syntax)
        } catch {
            diagnostics.append(Diagnostic(location(of: error.offset, in: rule.when, from: rule.whenLocation), error.message))
        }
        var message: MessageTemplate?
        if let text = rule.message {
            do {
                message = try MessageTemplate.compile(text, checker: &checker)
            } catch {
                let start = rule.messageLocation ?? rule.location
                diagnostics.append(
                    Diagnostic(location(of: error.offset, in: text, from: start), "in the message: " + error.message))
            }
        }
        guard diagnostics.isEmpty, let condition else { throw DiagnosticsError(diagnostics) }
        let compiled = CompiledAlert(rule: rule, condition: condition, message: message, needs: checker.needs)
        let cost = ExpressionCost.units(compiled)
        guard cost <= ExpressionCost.perRecordLimit else {
            throw DiagnosticsError([
                Diagnostic(
                    rule.whenLocation,
                    "alert '\(rule.name)' costs \(cost) units per record, more than the \(ExpressionCost.perRecordLimit) "
                        + "an alert may (count_contacts and count_events cost 32 each, contains 16, lower 8, other "
                        + "terms 1-2); split it into several alerts or use fewer counts")
            ])
        }
        return compiled
    }

    /// The file position of a scalar offset of `text`, which starts at `start`. A text on
    /// several lines (a YAML block scalar) continues at the same column on the next lines.
    package static func location(of offset: Int, in text: String, from start: SourceLocation) -> SourceLocation {
        var line = start.line
        var column = start.column ?? 1
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i >= offset { break }
            if scalar == "\n" {
                line += 1
                column = start.column ?? 1
            } else {
                column += 1
            }
        }
        if offset > text.unicodeScalars.count { column += offset - text.unicodeScalars.count }
        return SourceLocation(file: start.file, line: line, column: column)
    }
}
