/// Key-customer care (`care:`, seed 004): greetings on the occasions that matter to the
/// customers who matter most, and a warning when one of them drifts away.
package struct CareRule: Sendable {
    /// A festival a greeting is prepared for: one of the Chinese festivals Tickler knows
    /// (春节, 中秋节, 端午节), or one of the office's own (a company day on a fixed date, another
    /// lunar date), with its label per language (issue 17 item 7).
    package struct Festival: Sendable, Hashable {
        /// When the festival falls each year.
        package enum Day: Sendable, Hashable {
            /// A day of the Chinese lunar calendar (month 1-12, day 1-30).
            case lunar(month: Int, day: Int)
            /// The same Gregorian month and day every year (29 February: 28 February in common years).
            case fixed(month: Int, day: Int)
        }

        /// The name in the rules, keys and rule names (`dragon_boat`, `company_day`).
        package var name: String
        package var day: Day
        /// The office's label; `nil` for the built-in festivals, whose names the texts know.
        package var label: LocalizedLabel?

        package init(name: String, day: Day, label: LocalizedLabel? = nil) {
            self.name = name
            self.day = day
            self.label = label
        }

        /// 春节, first day of the first lunar month.
        package static let springFestival = Festival(name: "spring_festival", day: .lunar(month: 1, day: 1))
        /// 中秋节, fifteenth day of the eighth lunar month.
        package static let midAutumn = Festival(name: "mid_autumn", day: .lunar(month: 8, day: 15))
        /// 端午节, fifth day of the fifth lunar month.
        package static let dragonBoat = Festival(name: "dragon_boat", day: .lunar(month: 5, day: 5))

        /// The festivals written by name alone (`dragon_boat: 7d`).
        package static let builtIn: [Festival] = [.springFestival, .midAutumn, .dragonBoat]
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
