/// `period_contacts()`, `period_contacts("won")`, `period_opportunities()` and
/// `period_closes()`: a rep's activity within the alert's period (issue 17 item 5), for
/// ratios such as `period_closes() / period_opportunities() < 0.3`.
extension ExpressionChecker {
    static let periodFunctions = ["period_contacts", "period_opportunities", "period_closes"]

    mutating func checkPeriodCall(_ name: String, _ arguments: [ExpressionSyntax], at: Int) throws(ExpressionProblem)
        -> (TypedExpression, ExpressionType)
    {
        guard subject == .reps, hasPeriod else {
            throw ExpressionProblem(
                at: at,
                "\(name)() counts within the alert's period: it needs 'for: reps' and 'every: week' or 'every: month' "
                    + "on the alert")
        }
        needs.insert(.periodActivity)
        switch name {
        case "period_contacts":
            guard arguments.count <= 1 else {
                throw ExpressionProblem(
                    at: at, "period_contacts takes 0 or 1 arguments, not \(arguments.count); write \(ExpressionFunctions.usage(name))")
            }
            guard let argument = arguments.first else { return (.periodCount(.contacts(outcome: nil)), .number) }
            guard case .string(let outcome, _) = argument else {
                throw ExpressionProblem(
                    at: argument.offset, "period_contacts takes an outcome in quotes, e.g. period_contacts(\"won\")")
            }
            return (.periodCount(.contacts(outcome: outcome)), .number)
        default:
            guard arguments.isEmpty else {
                throw ExpressionProblem(at: at, "\(name) takes no arguments; write \(name)()")
            }
            return (.periodCount(name == "period_closes" ? .closes : .opportunities), .number)
        }
    }
}
