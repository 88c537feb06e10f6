import Foundation

/// Notice texts in the five supported languages.
///
/// Written by people for people: a rep reads "客户 王芳（A类）跟进已逾期 3 天", not a key.
/// Dates are written as a reader of the language writes them (``LocalDateText``); the terms
/// are those of docs/glossary.md.
package enum NoticeText {
    /// The text of a notice of `kind` with `facts`, then its charge (the parts that are not
    /// zero) and its note. A date shows its year only when it is not the year of `today`
    /// (the evaluation's local day; `nil`: never).
    package static func render(
        _ kind: NoticeKind, _ facts: NoticeFacts, locale: NoticeLocale, today: LocalDate? = nil
    ) -> String {
        let d = DateWords(locale, today)
        var text: String
        switch facts {
        case .followup(let f): text = followup(kind, f, d)
        case .attendance(let f): text = attendance(kind, f, d)
        case .violation(let f): text = violation(f, d)
        case .score(let f): text = RepNoticeText.score(f, d)
        case .quota(let f): text = RepNoticeText.quota(f, d)
        case .conflict(let f): text = conflict(f, d)
        case .reward(let f): text = RewardNoticeText.text(f, d)
        default: text = ProcessNoticeText.body(facts, d)
        }
        if let penalty = facts.penalty, !penalty.isZero { text += penaltyText(penalty, locale) }
        if case .violation(let f) = facts, let note = f.note, !note.isEmpty { text += noteText(note, locale) }
        return text
    }

    private static func followup(_ kind: NoticeKind, _ f: NoticeFacts.Followup, _ d: DateWords) -> String {
        let name = f.customerName
        let cls = f.customerClass
        let days = f.daysOverdue ?? 0
        switch (kind, d.locale) {
        case (.scheduled, .en): return "Scheduled contact with \(name) (class \(cls)) \(d.on(f.due))."
        case (.scheduled, .es): return "Contacto programado con \(name) (clase \(cls)) \(d.on(f.due))."
        case (.scheduled, .hu): return "Egyeztetett kapcsolatfelvétel \(name) ügyféllel (\(cls) kategória) \(d.on(f.due))."
        case (.scheduled, .zhHans): return "已约定于\(d.on(f.due))联系客户 \(name)（\(cls)类）。"
        case (.scheduled, .zhHant): return "已約定於\(d.on(f.due))聯繫客戶 \(name)（\(cls)類）。"

        case (.overdue, .en):
            return "Follow-up of \(name) (class \(cls)) is \(Plural.count(days, "day", "days")) overdue (due \(d.date(f.due)))."
        case (.overdue, .es):
            return "El seguimiento de \(name) (clase \(cls)) lleva \(Plural.count(days, "día", "días")) de retraso (vencía \(d.on(f.due)))."
        case (.overdue, .hu):
            return "\(name) (\(cls) kategória) utánkövetésének határideje \(days) napja lejárt (\(d.date(f.due)))."
        case (.overdue, .zhHans): return "客户 \(name)（\(cls)类）跟进已逾期 \(days) 天（截止日期：\(d.date(f.due))）。"
        case (.overdue, .zhHant): return "客戶 \(name)（\(cls)類）跟進已逾期 \(days) 天（截止日期：\(d.date(f.due))）。"

        // due_soon, and any follow-up kind without a text of its own.
        case (_, .en): return "Follow up with \(name) (class \(cls)) by \(d.date(f.due))."
        case (_, .es): return "Haga el seguimiento de \(name) (clase \(cls)) a más tardar \(d.on(f.due))."
        case (_, .hu): return "Vegye fel a kapcsolatot \(name) ügyféllel (\(cls) kategória) legkésőbb \(d.on(f.due))."
        case (_, .zhHans): return "请在\(d.on(f.due))前跟进客户 \(name)（\(cls)类）。"
        case (_, .zhHant): return "請在\(d.on(f.due))前跟進客戶 \(name)（\(cls)類）。"
        }
    }

    private static func attendance(_ kind: NoticeKind, _ f: NoticeFacts.Attendance, _ d: DateWords) -> String {
        let minutes = f.minutesLate ?? 0
        let rep = f.repName
        let on = d.on(f.date)
        // Absent, or late by so much that it counts as absent.
        let absent = kind == .absent
        switch d.locale {
        case .en:
            if absent && minutes == 0 { return "\(rep) was absent \(on)." }
            return "\(rep) checked in \(minutes) min late \(on)" + (absent ? ", which counts as absent." : ".")
        case .es:
            if absent && minutes == 0 { return "\(rep) faltó \(on)." }
            return "\(rep) llegó \(Plural.count(minutes, "minuto", "minutos")) tarde \(on)" + (absent ? ", lo que cuenta como ausencia." : ".")
        case .hu:
            if absent && minutes == 0 { return "\(rep) \(on) hiányzott." }
            return "\(rep) \(on) \(minutes) percet késett" + (absent ? ", ez hiányzásnak számít." : ".")
        case .zhHans:
            if absent && minutes == 0 { return "\(rep) 于\(on)旷工。" }
            return "\(rep) 于\(on)迟到 \(minutes) 分钟" + (absent ? "，按旷工处理。" : "。")
        case .zhHant:
            if absent && minutes == 0 { return "\(rep) 於\(on)曠工。" }
            return "\(rep) 於\(on)遲到 \(minutes) 分鐘" + (absent ? "，按曠工處理。" : "。")
        }
    }

    private static func violation(_ f: NoticeFacts.Violation, _ d: DateWords) -> String {
        let rep = f.repName
        let once = f.count <= 1
        switch d.locale {
        case .en:
            return once ? "\(rep): \(f.event) \(d.on(f.date))." : "\(rep): \(f.event) \(f.count) times within the window (last \(d.on(f.date)))."
        case .es:
            return once ? "\(rep): \(f.event) \(d.on(f.date))." : "\(rep): \(f.event) \(f.count) veces en el periodo (la última, \(d.on(f.date)))."
        case .hu:
            return once
                ? "\(rep): \(f.event) (\(d.date(f.date)))." : "\(rep): \(f.event), \(f.count) alkalommal az időszakban (legutóbb \(d.on(f.date)))."
        case .zhHans:
            return once ? "\(rep)：\(f.event)（\(d.date(f.date))）。" : "\(rep)：\(f.event) 在期限内累计 \(f.count) 次（最近一次：\(d.date(f.date))）。"
        case .zhHant:
            return once ? "\(rep)：\(f.event)（\(d.date(f.date))）。" : "\(rep)：\(f.event) 在期限內累計 \(f.count) 次（最近一次：\(d.date(f.date))）。"
        }
    }

    private static func conflict(_ f: NoticeFacts.Conflict, _ d: DateWords) -> String {
        if f.completeWins { return RegistrationText.completeWins(f, d) }
        let name = f.customerName
        let rep = f.repName
        let winner = f.earlier.map { earlier(($0), d) } ?? f.winner
        switch (f.field, d.locale) {
        case (_, .en):
            return "\(name), registered by \(rep), is already registered (same \(f.field)); the first registration wins (\(winner))."
        case ("phone", .es), ("name", .es), ("household", .es):
            let field = f.field == "phone" ? "el teléfono" : f.field == "name" ? "el nombre" : "la unidad familiar"
            return "El cliente \(name), registrado por \(rep), ya estaba registrado (coincide \(field)); prevalece el primer registro (\(winner))."
        case (_, .es):
            return "El cliente \(name), registrado por \(rep), ya estaba registrado (coincide: \(f.field)); prevalece el primer registro (\(winner))."
        case (_, .hu):
            let field = ["phone": "azonos telefonszám", "name": "azonos név", "household": "azonos háztartás"][f.field] ?? "azonos: \(f.field)"
            return "\(name) ügyfelet \(rep) rögzítette, de már korábban is rögzítették (\(field)); az első rögzítés érvényes (\(winner))."
        case (_, .zhHans):
            let field = ["phone": "电话", "name": "姓名", "household": "家庭"][f.field] ?? f.field
            return "\(rep) 登记的客户 \(name) 与已有登记冲突（\(field)相同），以先登记的为准（\(winner)）。"
        case (_, .zhHant):
            let field = ["phone": "電話", "name": "姓名", "household": "家庭"][f.field] ?? f.field
            return "\(rep) 登記的客戶 \(name) 與已有登記衝突（\(field)相同），以先登記的為準（\(winner)）。"
        }
    }

    /// The winning registration inside the brackets: "C1 Acme, registered by Wang Fang on
    /// 2 November", "C1 Acme，王芳 于11月2日登记".
    static func earlier(_ e: NoticeFacts.Conflict.Earlier, _ d: DateWords) -> String {
        let who = "\(e.id) \(e.name)"
        guard let day = e.registered else {
            switch d.locale {
            case .en: return "\(who), registered by \(e.repName)"
            case .es: return "\(who), registrado por \(e.repName)"
            case .hu: return "\(who), rögzítette: \(e.repName)"
            case .zhHans: return "\(who)，\(e.repName) 登记"
            case .zhHant: return "\(who)，\(e.repName) 登記"
            }
        }
        switch d.locale {
        case .en: return "\(who), registered by \(e.repName) \(d.on(day))"
        case .es: return "\(who), registrado por \(e.repName) \(d.on(day))"
        case .hu: return "\(who), rögzítette: \(e.repName), \(d.on(day))"
        case .zhHans: return "\(who)，\(e.repName) 于\(d.on(day))登记"
        case .zhHant: return "\(who)，\(e.repName) 於\(d.on(day))登記"
        }
    }

    /// The charge, naming only its parts that are not zero: " Fine 10, minus 5 points.",
    /// " Minus 1 point.", "罚款 10 元。".
    static func penaltyText(_ p: Penalty, _ locale: NoticeLocale) -> String {
        let fine = p.fine == 0 ? nil : "\(p.fine)"
        let points = p.points == 0 ? nil : p.points
        switch locale {
        case .en:
            let parts = [fine.map { "fine \($0)" }, points.map { "minus " + Plural.count($0, "point", "points") }]
            return " " + sentence(parts.compactMap { $0 }.joined(separator: ", "))
        case .es:
            let parts = [fine.map { "multa de \($0)" }, points.map { "menos " + Plural.count($0, "punto", "puntos") }]
            return " " + sentence(parts.compactMap { $0 }.joined(separator: ", "))
        case .hu:
            let parts = [fine.map { "bírság: \($0)" }, points.map { "levonás: \($0) pont" }]
            return " " + sentence(parts.compactMap { $0 }.joined(separator: ", "))
        case .zhHans:
            return [fine.map { "罚款 \($0) 元" }, points.map { "扣 \($0) 分" }].compactMap { $0 }.joined(separator: "，") + "。"
        case .zhHant:
            return [fine.map { "罰款 \($0) 元" }, points.map { "扣 \($0) 分" }].compactMap { $0 }.joined(separator: "，") + "。"
        }
    }

    /// Capitalised first letter and a full stop.
    private static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    static func noteText(_ note: String, _ locale: NoticeLocale) -> String {
        switch locale {
        case .en, .es, .hu: return " (\(note))"
        case .zhHans, .zhHant: return "（\(note)）"
        }
    }
}

/// The date words of one text: its language and the evaluation's day (for the year).
struct DateWords {
    var locale: NoticeLocale
    var today: LocalDate?

    init(_ locale: NoticeLocale, _ today: LocalDate?) {
        self.locale = locale
        self.today = today
    }

    /// "24 November", "24 de noviembre", "november 24.", "11月24日".
    func date(_ date: LocalDate) -> String { LocalDateText.date(date, locale, today: today) }
    /// "on 24 November", "el 24 de noviembre", "november 24-én", "11月24日".
    func on(_ date: LocalDate) -> String { LocalDateText.on(date, locale, today: today) }
    /// Hungarian "of the day": "november 24-i", "december 1-jei".
    func of(_ date: LocalDate) -> String { LocalDateText.hungarianOf(date, today: today) }
    /// A period written `2026-W47`, as a label: "week 47", "semana 47", "47. hét", "第47周".
    func period(_ text: String) -> String { LocalDateText.period(text, locale, today: today) }
    /// A period written `2026-W47`, as an adverb: "in week 47", "en la semana 47", "a 47. héten".
    func during(_ text: String) -> String { LocalDateText.during(text, locale, today: today) }
}
