/// Texts of the notices about a rep's period: a low score and a quota not met, in the five
/// supported languages (``NoticeText`` hands these kinds over).
enum RepNoticeText {
    static func score(_ f: NoticeFacts.Score, _ d: DateWords) -> String {
        let rep = f.repName
        switch d.locale {
        case .en: return "\(rep)'s score \(d.during(f.period)) is \(f.points), below \(f.warnBelow)."
        case .es: return "La puntuación de \(rep) \(d.during(f.period)) es \(f.points), por debajo de \(f.warnBelow)."
        case .hu: return "\(rep) pontszáma \(d.during(f.period)) \(f.points), ami \(f.warnBelow) alatt van."
        case .zhHans: return "\(rep) \(d.period(f.period))的积分为 \(f.points) 分，低于 \(f.warnBelow) 分。"
        case .zhHant: return "\(rep) \(d.period(f.period))的積分為 \(f.points) 分，低於 \(f.warnBelow) 分。"
        }
    }

    /// What the quota counts: visits when only visits count, calls when only phone calls do,
    /// contacts otherwise.
    private enum Unit {
        case contact, visit, call

        init(_ methods: [ContactMethod]) {
            switch Set(methods) {
            case [.visit]: self = .visit
            case [.phone]: self = .call
            default: self = .contact
            }
        }

        /// The position of the unit's words in the lists below.
        var index: Int {
            switch self {
            case .contact: 0
            case .visit: 1
            case .call: 2
            }
        }
    }

    static func quota(_ f: NoticeFacts.Quota, _ d: DateWords) -> String {
        let rep = f.repName
        let unit = Unit(f.methods)
        let during = d.during(f.period)
        let kind = CalendarPeriod(parsing: f.period)?.kind
        switch d.locale {
        case .en:
            let noun = ["contact", "visit", "call"][unit.index]
            let nouns = Plural.count(f.required, noun, noun + "s")
            if f.open {
                let last = "today is the last working day of the \(kind.map(englishNoun) ?? "period")"
                return "\(rep): \(f.made) of \(nouns) so far \(during); \(last)."
            }
            return f.required == 1
                ? "\(rep) did not make the required \(noun) \(during)."
                : "\(rep) made \(f.made) of the \(nouns) required \(during)."
        case .es:
            let (one, many, feminine) = [("contacto", "contactos", false), ("visita", "visitas", true), ("llamada", "llamadas", true)][unit.index]
            let last = "hoy es el último día laborable " + (kind.map(spanishOf) ?? "del periodo")
            if f.open { return "\(rep): \(f.made) de \(Plural.count(f.required, one, many)) hasta ahora \(during); \(last)." }
            if f.required == 1 {
                return feminine ? "\(rep) no hizo la \(one) exigida \(during)." : "\(rep) no hizo el \(one) exigido \(during)."
            }
            return feminine
                ? "\(rep) hizo \(f.made) de las \(f.required) \(many) exigidas \(during)."
                : "\(rep) hizo \(f.made) de los \(f.required) \(many) exigidos \(during)."
        case .hu:
            let from = ["kapcsolatfelvételből", "látogatásból", "hívásból"][unit.index]
            let done = f.made == 0 ? "egy sem teljesült" : "\(f.made) teljesült"
            if f.open {
                let last = "ma van " + (kind.map(hungarianNoun) ?? "az időszak") + " utolsó munkanapja"
                return "\(rep): az előírt \(f.required) \(from) \(during) eddig \(done); \(last)."
            }
            return "\(rep): az előírt \(f.required) \(from) \(during) " + (f.made == 0 ? "\(done)." : "csak \(done).")
        case .zhHans, .zhHant:
            let hans = d.locale == .zhHans
            let verb = [hans ? "跟进" : "跟進", hans ? "拜访" : "拜訪", hans ? "电话联系" : "電話聯繫"][unit.index]
            let period = d.period(f.period)
            if f.open {
                let noun = kind.map { chineseNoun($0, hans) } ?? (hans ? "本期" : "本期")
                return hans
                    ? "\(rep)：\(period)目前已\(verb) \(f.made) 次，目标 \(f.required) 次，今天是\(noun)最后一个工作日。"
                    : "\(rep)：\(period)目前已\(verb) \(f.made) 次，目標 \(f.required) 次，今天是\(noun)最後一個工作日。"
            }
            return hans
                ? "\(rep) \(period)\(verb) \(f.made) 次，未达到要求的 \(f.required) 次。"
                : "\(rep) \(period)\(verb) \(f.made) 次，未達到要求的 \(f.required) 次。"
        }
    }

    private static func englishNoun(_ kind: Period) -> String {
        switch kind {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .quarter: "quarter"
        case .year: "year"
        }
    }

    private static func spanishOf(_ kind: Period) -> String {
        switch kind {
        case .day: "del día"
        case .week: "de la semana"
        case .month: "del mes"
        case .quarter: "del trimestre"
        case .year: "del año"
        }
    }

    private static func hungarianNoun(_ kind: Period) -> String {
        switch kind {
        case .day: "a nap"
        case .week: "a hét"
        case .month: "a hónap"
        case .quarter: "a negyedév"
        case .year: "az év"
        }
    }

    private static func chineseNoun(_ kind: Period, _ hans: Bool) -> String {
        switch kind {
        case .day: "当天"
        case .week: hans ? "本周" : "本週"
        case .month: "本月"
        case .quarter: hans ? "本季度" : "本季"
        case .year: "今年"
        }
    }
}
