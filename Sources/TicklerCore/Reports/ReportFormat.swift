package import Foundation

/// Number formats of reports: plain digits with `.` as the decimal point, so that a CSV
/// opens as numbers in any spreadsheet, whatever the reader's locale.
package enum ReportFormat {
    /// An amount rounded to cents, without trailing zeros: `108000`, `12.5`.
    package static func money(_ value: Decimal) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// A ratio as a whole percentage, `67%`; empty when the denominator is 0.
    package static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    /// A decimal ratio as a whole percentage; empty when the denominator is 0.
    package static func percent(_ part: Decimal, of whole: Decimal) -> String {
        guard whole > 0 else { return "" }
        return "\(Int((NSDecimalNumber(decimal: part / whole).doubleValue * 100).rounded()))%"
    }

    /// A store probability as a fraction from 0 to 1: values up to 1 are fractions (0.6),
    /// larger ones percentages (60). CRM exports write both.
    package static func fraction(_ probability: Double) -> Double {
        probability <= 1 ? probability : probability / 100
    }

    /// `amount` weighted by a store probability.
    package static func weighted(_ amount: Decimal, _ probability: Double) -> Decimal {
        let permille = Decimal(Int((fraction(probability) * 1000).rounded()))
        return amount * permille / 1000
    }
}
