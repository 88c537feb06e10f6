/// Dates and periods in texts as a native reader writes them: "24 November", "24 de
/// noviembre", "november 24-én", "11月24日"; "week 47", "semana 47", "47. hét", "第47周".
///
/// Texts only: JSON fields, keys and CSV cells stay ISO 8601 (`2026-11-24`, `2026-W47`).
///
/// The year is shown only when it is not the year of `today` (the evaluation's local day);
/// with no `today` it is left out, as for a notice about the days around the evaluation. A
/// week's year is its ISO year (the year of its Thursday).
package enum LocalDateText {
    /// The date on its own, as in a label or after a colon: "24 November", "24 de noviembre",
    /// "november 24.", "11月24日" (with the year when it is not `today`'s).
    package static func date(_ date: LocalDate, _ locale: NoticeLocale, today: LocalDate? = nil) -> String {
        let year = showsYear(date.year, today)
        switch locale {
        case .en: return "\(date.day) \(englishMonths[date.month - 1])" + (year ? " \(date.year)" : "")
        case .es: return "\(date.day) de \(spanishMonths[date.month - 1])" + (year ? " de \(date.year)" : "")
        case .hu: return (year ? "\(date.year). " : "") + "\(hungarianMonths[date.month - 1]) \(date.day)."
        case .zhHans, .zhHant: return (year ? "\(date.year)年" : "") + "\(date.month)月\(date.day)日"
        }
    }

    /// The date as an adverb of time, "on" the day: "on 24 November", "el 24 de noviembre",
    /// "november 24-én", "11月24日".
    package static func on(_ date: LocalDate, _ locale: NoticeLocale, today: LocalDate? = nil) -> String {
        switch locale {
        case .en: return "on " + Self.date(date, locale, today: today)
        case .es: return "el " + Self.date(date, locale, today: today)
        case .hu:
            let year = showsYear(date.year, today) ? "\(date.year). " : ""
            return year + "\(hungarianMonths[date.month - 1]) \(date.day)-\(hungarianOnSuffix(date.day))"
        case .zhHans, .zhHant: return Self.date(date, locale, today: today)
        }
    }

    /// The Hungarian adjective "of the day": "november 24-i" (huszonnegyediki), "december
    /// 1-jei" (elsejei), with the year when it is not `today`'s.
    package static func hungarianOf(_ date: LocalDate, today: LocalDate? = nil) -> String {
        let year = showsYear(date.year, today) ? "\(date.year). " : ""
        return year + "\(hungarianMonths[date.month - 1]) \(date.day)-\(date.day == 1 ? "jei" : "i")"
    }

    /// The Hungarian "on" suffix of a day of the month, by how the ordinal is pronounced:
    /// elsején (1-jén), másodikán (2-án), negyedikén (4-én), huszadikán (20-án), ...
    package static func hungarianOnSuffix(_ day: Int) -> String {
        switch day {
        case 1: "jén"
        case 2, 3, 6, 8, 13, 16, 18, 20, 23, 26, 28, 30: "án"
        default: "én"
        }
    }

    /// A period as a label: "week 47", "semana 47", "47. hét", "第47周"; "November",
    /// "noviembre", "november", "11月"; "Q4", "4.º trimestre", "IV. negyedév", "第4季度"; a day
    /// as ``date(_:_:today:)``.
    package static func period(_ period: CalendarPeriod, _ locale: NoticeLocale, today: LocalDate? = nil) -> String {
        let start = period.start
        switch period.kind {
        case .day:
            return date(start, locale, today: today)
        case .week:
            let (year, week) = isoWeek(period)
            let y = showsYear(year, today)
            switch locale {
            case .en: return "week \(week)" + (y ? " of \(year)" : "")
            case .es: return "semana \(week)" + (y ? " de \(year)" : "")
            case .hu: return (y ? "\(year), " : "") + "\(week). hét"
            case .zhHans: return (y ? "\(year)年" : "") + "第\(week)周"
            case .zhHant: return (y ? "\(year)年" : "") + "第\(week)週"
            }
        case .month:
            let y = showsYear(start.year, today)
            switch locale {
            case .en: return englishMonths[start.month - 1] + (y ? " \(start.year)" : "")
            case .es: return spanishMonths[start.month - 1] + (y ? " de \(start.year)" : "")
            case .hu: return (y ? "\(start.year). " : "") + hungarianMonths[start.month - 1]
            case .zhHans, .zhHant: return (y ? "\(start.year)年" : "") + "\(start.month)月"
            }
        case .quarter:
            let q = (start.month - 1) / 3 + 1
            let y = showsYear(start.year, today)
            switch locale {
            case .en: return "Q\(q)" + (y ? " \(start.year)" : "")
            case .es: return "\(q).º trimestre" + (y ? " de \(start.year)" : "")
            case .hu: return (y ? "\(start.year). " : "") + "\(["I", "II", "III", "IV"][q - 1]). negyedév"
            case .zhHans: return (y ? "\(start.year)年" : "") + "第\(q)季度"
            case .zhHant: return (y ? "\(start.year)年" : "") + "第\(q)季"
            }
        case .year:
            return locale == .zhHans || locale == .zhHant ? "\(start.year)年" : "\(start.year)"
        }
    }

    /// A period as an adverb of time: "in week 47", "en la semana 47", "a 47. héten",
    /// "第47周"; "in November", "en noviembre", "novemberben", "11月"; a day as
    /// ``on(_:_:today:)``. Chinese needs no preposition here; a sentence adds 在 if it wants.
    package static func during(_ period: CalendarPeriod, _ locale: NoticeLocale, today: LocalDate? = nil) -> String {
        if period.kind == .day { return on(period.start, locale, today: today) }
        let label = Self.period(period, locale, today: today)
        switch locale {
        case .en: return "in " + label
        case .es:
            switch period.kind {
            case .week: return "en la " + label
            case .quarter: return "en el " + label
            default: return "en " + label
            }
        case .hu: return hungarianDuring(period, today: today)
        case .zhHans, .zhHant: return label
        }
    }

    /// A period written the way ``CalendarPeriod/description`` writes it (`2026-W47`), as a
    /// label in `locale`; text that is not a period is returned as it is.
    package static func period(_ text: String, _ locale: NoticeLocale, today: LocalDate? = nil) -> String {
        CalendarPeriod(parsing: text).map { period($0, locale, today: today) } ?? text
    }

    /// As ``during(_:_:today:)`` for a period written as `2026-W47`; other text as it is.
    package static func during(_ text: String, _ locale: NoticeLocale, today: LocalDate? = nil) -> String {
        CalendarPeriod(parsing: text).map { during($0, locale, today: today) } ?? text
    }

    /// The ISO year and week number of a week.
    package static func isoWeek(_ period: CalendarPeriod) -> (year: Int, week: Int) {
        let thursday = CalendarPeriod(.week, containing: period.start).start.adding(days: 3)
        let jan1 = LocalDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, jan1.days(to: thursday) / 7 + 1)
    }

    /// Whether a text about `year` must say it: only when it is not the evaluation's year.
    static func showsYear(_ year: Int, _ today: LocalDate?) -> Bool {
        today.map { $0.year != year } ?? false
    }

    private static func hungarianDuring(_ period: CalendarPeriod, today: LocalDate?) -> String {
        let start = period.start
        switch period.kind {
        case .day:
            return on(start, .hu, today: today)
        case .week:
            let (year, week) = isoWeek(period)
            return showsYear(year, today) ? "\(year) \(week). hetében" : "a \(week). héten"
        case .month:
            let month = hungarianMonths[start.month - 1]
            return showsYear(start.year, today)
                ? "\(start.year) \(hungarianMonthPossessiveIn[start.month - 1])" : month + (start.month <= 8 ? "ban" : "ben")
        case .quarter:
            let q = ["I", "II", "III", "IV"][(start.month - 1) / 3]
            return showsYear(start.year, today) ? "\(start.year) \(q). negyedévében" : "a \(q). negyedévben"
        case .year:
            return "\(start.year)-\(hungarianYearInSuffix(start.year))"
        }
    }

    /// "2026-ban", "2025-ben": by how the number's last word is pronounced.
    static func hungarianYearInSuffix(_ year: Int) -> String {
        let back: Set<Int> = [3, 6, 8]
        let backTens: Set<Int> = [2, 3, 6, 8]
        let units = year % 10
        if units != 0 { return back.contains(units) ? "ban" : "ben" }
        let tens = year / 10 % 10
        if tens != 0 { return backTens.contains(tens) ? "ban" : "ben" }
        return year / 100 % 10 == 0 ? "ben" : "ban"  // ezer (2000) -ben; száz (2100) -ban
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let spanishMonths = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
        "diciembre",
    ]
    static let hungarianMonths = [
        "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október",
        "november", "december",
    ]
    /// "in the month of that year": 2026 januárjában, 2026 novemberében.
    private static let hungarianMonthPossessiveIn = [
        "januárjában", "februárjában", "márciusában", "áprilisában", "májusában", "júniusában", "júliusában",
        "augusztusában", "szeptemberében", "októberében", "novemberében", "decemberében",
    ]
}
