/// Key-customer care (`care:`, seed 004): greetings on the occasions that matter to the
/// customers who matter most, and a warning when one of them drifts away.
package struct CareRule: Sendable {
    /// The Chinese festivals a greeting is prepared for.
    package enum Festival: String, Sendable, Hashable, CaseIterable {
        /// 春节, first day of the first lunar month.
        case springFestival = "spring_festival"
        /// 中秋节, fifteenth day of the eighth lunar month.
        case midAutumn = "mid_autumn"
    }

    /// The classes cared for (birthdays, anniversaries, festivals); default `[A]`.
    package var classes: [String]
    /// How long before a birthday or anniversary the rep is told.
    package var before: RuleDuration
    /// Festivals and how long before each the rep is told.
    package var festivals: [Festival: RuleDuration]
    /// A customer whose gap since the last contact exceeds `churnFactor` times their usual
    /// gap between contacts is at risk of churn (`nil`: not checked).
    package var churnFactor: Double?
    package var notify: [Recipient]
    package var location: SourceLocation

    package init(
        classes: [String], before: RuleDuration, festivals: [Festival: RuleDuration], churnFactor: Double?,
        notify: [Recipient], location: SourceLocation
    ) {
        self.classes = classes
        self.before = before
        self.festivals = festivals
        self.churnFactor = churnFactor
        self.notify = notify
        self.location = location
    }
}
