import Foundation

/// Notice texts in the five supported languages.
///
/// Written by people for people: a rep reads "客户 王芳（A类）跟进已逾期 3 天", not a key.
package enum NoticeText {
    /// The text of a notice of `kind` with `facts`, then its charge (the parts that are not
    /// zero) and its note.
    package static func render(_ kind: NoticeKind, _ facts: NoticeFacts, locale: NoticeLocale) -> String {
        var text: String
        switch facts {
        case .followup(let f): text = followup(kind, f, locale)
        case .attendance(let f): text = attendance(kind, f, locale)
        case .violation(let f): text = violation(f, locale)
        case .score(let f): text = score(f, locale)
        case .quota(let f): text = quota(f, locale)
        case .conflict(let f): text = conflict(f, locale)
        case .reward(let f): text = RewardNoticeText.text(f, locale)
        default: text = ProcessNoticeText.body(facts, locale)
        }
        if let penalty = facts.penalty, !penalty.isZero { text += penaltyText(penalty, locale) }
        if case .violation(let f) = facts, let note = f.note, !note.isEmpty { text += noteText(note, locale) }
        return text
    }

    private static func followup(_ kind: NoticeKind, _ f: NoticeFacts.Followup, _ locale: NoticeLocale) -> String {
        let due = f.due.description
        let name = f.customerName
        let cls = f.customerClass
        let days = f.daysOverdue ?? 0
        switch (kind, locale) {
        case (.dueSoon, .en): return "Follow up with \(name) (class \(cls)) by \(due)."
        case (.dueSoon, .es): return "Haga el seguimiento de \(name) (clase \(cls)) antes del \(due)."
        case (.dueSoon, .hu): return "\(name) (\(cls) osztály) utánkövetése esedékes: \(due)."
        case (.dueSoon, .zhHans): return "请在 \(due) 前跟进客户 \(name)（\(cls)类）。"
        case (.dueSoon, .zhHant): return "請在 \(due) 前跟進客戶 \(name)（\(cls)類）。"

        case (.scheduled, .en): return "Scheduled contact with \(name) (class \(cls)) on \(due)."
        case (.scheduled, .es): return "Contacto programado con \(name) (clase \(cls)) el \(due)."
        case (.scheduled, .hu): return "Tervezett kapcsolatfelvétel: \(name) (\(cls) osztály), \(due)."
        case (.scheduled, .zhHans): return "已约定于 \(due) 联系客户 \(name)（\(cls)类）。"
        case (.scheduled, .zhHant): return "已約定於 \(due) 聯繫客戶 \(name)（\(cls)類）。"

        case (.overdue, .en):
            return "Follow-up of \(name) (class \(cls)) is \(Plural.count(days, "day", "days")) overdue (due \(due))."
        case (.overdue, .es):
            return "El seguimiento de \(name) (clase \(cls)) lleva \(Plural.count(days, "día", "días")) de retraso (vencía el \(due))."
        case (.overdue, .hu): return "\(name) (\(cls) osztály) utánkövetése \(days) napja lejárt (határidő: \(due))."
        case (.overdue, .zhHans): return "客户 \(name)（\(cls)类）跟进已逾期 \(days) 天（应于 \(due) 前跟进）。"
        case (.overdue, .zhHant): return "客戶 \(name)（\(cls)類）跟進已逾期 \(days) 天（應於 \(due) 前跟進）。"
        default: return "\(kind.rawValue): \(name) \(due)"
        }
    }

    private static func attendance(_ kind: NoticeKind, _ f: NoticeFacts.Attendance, _ locale: NoticeLocale) -> String {
        let date = f.date.description
        let minutes = f.minutesLate ?? 0
        let rep = f.repName
        switch (kind, locale) {
        case (.late, .en): return "\(f.repName) checked in \(minutes) min late on \(date)."
        case (.late, .es): return "\(f.repName) llegó \(minutes) min tarde el \(date)."
        case (.late, .hu): return "\(f.repName) \(minutes) percet késett (\(date))."
        case (.late, .zhHans): return "\(f.repName) 于 \(date) 迟到 \(minutes) 分钟。"
        case (.late, .zhHant): return "\(f.repName) 於 \(date) 遲到 \(minutes) 分鐘。"

        case (.absent, .en):
            return minutes > 0
                ? "\(f.repName) checked in \(minutes) min late on \(date), which counts as absent."
                : "\(f.repName) was absent on \(date)."
        case (.absent, .es):
            return minutes > 0
                ? "\(f.repName) llegó \(minutes) min tarde el \(date); cuenta como ausencia."
                : "\(f.repName) estuvo ausente el \(date)."
        case (.absent, .hu):
            return minutes > 0
                ? "\(f.repName) \(minutes) percet késett (\(date)), ez hiányzásnak számít."
                : "\(f.repName) hiányzott (\(date))."
        case (.absent, .zhHans):
            return minutes > 0 ? "\(f.repName) 于 \(date) 迟到 \(minutes) 分钟，按旷工处理。" : "\(f.repName) 于 \(date) 旷工。"
        case (.absent, .zhHant):
            return minutes > 0 ? "\(f.repName) 於 \(date) 遲到 \(minutes) 分鐘，按曠工處理。" : "\(f.repName) 於 \(date) 曠工。"

        default: return "\(kind.rawValue): \(rep) \(date)"
        }
    }

    private static func violation(_ f: NoticeFacts.Violation, _ locale: NoticeLocale) -> String {
        let date = f.date.description
        switch locale {
        case .en:
            return f.count > 1
                ? "\(f.repName): \(f.event) \(f.count) times within the window (last on \(date))."
                : "\(f.repName): \(f.event) on \(date)."
        case .es:
            return f.count > 1
                ? "\(f.repName): \(f.event) \(f.count) veces en el periodo (la última el \(date))."
                : "\(f.repName): \(f.event) el \(date)."
        case .hu:
            return f.count > 1
                ? "\(f.repName): \(f.event) \(f.count) alkalommal az időszakban (utoljára: \(date))."
                : "\(f.repName): \(f.event) (\(date))."
        case .zhHans:
            return f.count > 1 ? "\(f.repName)：\(f.event) 在期限内累计 \(f.count) 次（最近一次 \(date)）。" : "\(f.repName)：\(f.event)（\(date)）。"
        case .zhHant:
            return f.count > 1 ? "\(f.repName)：\(f.event) 在期限內累計 \(f.count) 次（最近一次 \(date)）。" : "\(f.repName)：\(f.event)（\(date)）。"
        }
    }

    private static func score(_ f: NoticeFacts.Score, _ locale: NoticeLocale) -> String {
        switch locale {
        case .en: return "\(f.repName)'s score for \(f.period) is \(f.points), below \(f.warnBelow)."
        case .es: return "La puntuación de \(f.repName) en \(f.period) es \(f.points), por debajo de \(f.warnBelow)."
        case .hu: return "\(f.repName) pontszáma (\(f.period)) \(f.points), \(f.warnBelow) alatt van."
        case .zhHans: return "\(f.repName) \(f.period) 的积分为 \(f.points) 分，低于 \(f.warnBelow) 分。"
        case .zhHant: return "\(f.repName) \(f.period) 的積分為 \(f.points) 分，低於 \(f.warnBelow) 分。"
        }
    }

    private static func quota(_ f: NoticeFacts.Quota, _ locale: NoticeLocale) -> String {
        let rep = f.repName
        let period = f.period
        switch locale {
        case .en:
            let contacts = f.required == 1 ? "contact" : "contacts"
            return f.open
                ? "\(rep): \(f.made) of \(f.required) \(contacts) so far for \(period); the period ends today."
                : "\(rep) made \(f.made) of \(f.required) required \(contacts) in \(period)."
        case .es:
            return f.open
                ? "\(rep): \(f.made) de \(Plural.count(f.required, "contacto", "contactos")) en \(period); el periodo termina hoy."
                : f.required == 1
                    ? "\(rep) hizo \(f.made) de 1 contacto exigido en \(period)."
                    : "\(rep) hizo \(f.made) de los \(f.required) contactos exigidos en \(period)."
        case .hu:
            return f.open
                ? "\(rep): eddig \(f.made) / \(f.required) kapcsolatfelvétel (\(period)); az időszak ma zárul."
                : "\(rep) \(f.made) / \(f.required) előírt kapcsolatfelvételt teljesített (\(period))."
        case .zhHans:
            return f.open
                ? "\(rep)：\(period) 目前跟进 \(f.made) 次，目标 \(f.required) 次，今天截止。"
                : "\(rep) 在 \(period) 仅完成 \(f.made) 次跟进，未达到 \(f.required) 次的要求。"
        case .zhHant:
            return f.open
                ? "\(rep)：\(period) 目前跟進 \(f.made) 次，目標 \(f.required) 次，今天截止。"
                : "\(rep) 在 \(period) 僅完成 \(f.made) 次跟進，未達到 \(f.required) 次的要求。"
        }
    }

    private static func conflict(_ f: NoticeFacts.Conflict, _ locale: NoticeLocale) -> String {
        if f.completeWins { return RegistrationText.completeWins(f, locale) }
        let name = f.customerName
        let field = conflictField(f.field, locale)
        let text: String
        switch locale {
        case .en:
            text = "\(name), registered by \(f.repName), is already registered (same \(f.field)); the first registration wins"
        case .es:
            text = "\(name), registrado por \(f.repName), ya estaba registrado (mismo \(field)); prevalece el primer registro"
        case .hu:
            text = "\(name) ügyfelet (rögzítette: \(f.repName)) már korábban rögzítették (azonos \(field)); az első rögzítés érvényes"
        case .zhHans:
            text = "\(f.repName) 登记的客户 \(name) 与已有登记冲突（\(field)相同），以先登记的为准"
        case .zhHant:
            text = "\(f.repName) 登記的客戶 \(name) 與已有登記衝突（\(field)相同），以先登記的為準"
        }
        return text + noteText(f.winner, locale)
    }

    private static func conflictField(_ field: String, _ locale: NoticeLocale) -> String {
        switch (field, locale) {
        case ("phone", .es): "teléfono"
        case ("name", .es): "nombre"
        case ("household", .es): "hogar"
        case ("phone", .hu): "telefonszám"
        case ("name", .hu): "név"
        case ("household", .hu): "háztartás"
        case ("phone", .zhHans): "电话"
        case ("phone", .zhHant): "電話"
        case ("name", .zhHans): "姓名"
        case ("name", .zhHant): "姓名"
        case ("household", .zhHans): "家庭"
        case ("household", .zhHant): "家庭"
        default: field
        }
    }

    /// The charge, naming only its parts that are not zero: "Fine 10, minus 5 points.",
    /// "Minus 1 point.", "罚款 10 元。".
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
            let parts = [fine.map { "bírság: \($0)" }, points.map { "mínusz \($0) pont" }]
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

    private static func noteText(_ note: String, _ locale: NoticeLocale) -> String {
        switch locale {
        case .en, .es, .hu: return " (\(note))"
        case .zhHans, .zhHant: return "（\(note)）"
        }
    }
}
