import Foundation

/// The facts a notice text is built from; each kind uses some of them.
package struct NoticeFacts: Sendable, Hashable {
    package var customerName: String = ""
    package var customerClass: String = ""
    package var repName: String = ""
    package var due: LocalDate?
    package var date: LocalDate?
    package var days: Int = 0
    package var minutes: Int = 0
    package var event: String = ""
    package var count: Int = 0
    package var penalty: Penalty?
    package var note: String?
    /// The period is still open (a heads-up rather than a closed result).
    package var open: Bool = false

    package init() {}
}

/// Notice texts in the five supported languages.
///
/// Written by people for people: a rep reads "客户 王芳（A类）跟进已逾期 3 天", not a key.
package enum NoticeText {
    package static func render(_ kind: NoticeKind, _ facts: NoticeFacts, locale: NoticeLocale) -> String {
        var text = body(kind, facts, locale)
        if let penalty = facts.penalty, !penalty.isZero { text += penaltyText(penalty, locale) }
        if let note = facts.note, !note.isEmpty { text += noteText(note, locale) }
        return text
    }

    private static func body(_ kind: NoticeKind, _ f: NoticeFacts, _ locale: NoticeLocale) -> String {
        let due = f.due?.description ?? ""
        let date = f.date?.description ?? ""
        let name = f.customerName
        let cls = f.customerClass
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
            return "Follow-up of \(name) (class \(cls)) is \(f.days) \(f.days == 1 ? "day" : "days") overdue (due \(due))."
        case (.overdue, .es):
            return "El seguimiento de \(name) (clase \(cls)) lleva \(f.days) \(f.days == 1 ? "día" : "días") de retraso (vencía el \(due))."
        case (.overdue, .hu): return "\(name) (\(cls) osztály) utánkövetése \(f.days) napja lejárt (határidő: \(due))."
        case (.overdue, .zhHans): return "客户 \(name)（\(cls)类）跟进已逾期 \(f.days) 天（应于 \(due) 前跟进）。"
        case (.overdue, .zhHant): return "客戶 \(name)（\(cls)類）跟進已逾期 \(f.days) 天（應於 \(due) 前跟進）。"

        case (.late, .en): return "\(f.repName) checked in \(f.minutes) min late on \(date)."
        case (.late, .es): return "\(f.repName) llegó \(f.minutes) min tarde el \(date)."
        case (.late, .hu): return "\(f.repName) \(f.minutes) percet késett (\(date))."
        case (.late, .zhHans): return "\(f.repName) 于 \(date) 迟到 \(f.minutes) 分钟。"
        case (.late, .zhHant): return "\(f.repName) 於 \(date) 遲到 \(f.minutes) 分鐘。"

        case (.absent, .en):
            return f.minutes > 0
                ? "\(f.repName) checked in \(f.minutes) min late on \(date), which counts as absent."
                : "\(f.repName) was absent on \(date)."
        case (.absent, .es):
            return f.minutes > 0
                ? "\(f.repName) llegó \(f.minutes) min tarde el \(date); cuenta como ausencia."
                : "\(f.repName) estuvo ausente el \(date)."
        case (.absent, .hu):
            return f.minutes > 0
                ? "\(f.repName) \(f.minutes) percet késett (\(date)), ez hiányzásnak számít."
                : "\(f.repName) hiányzott (\(date))."
        case (.absent, .zhHans):
            return f.minutes > 0 ? "\(f.repName) 于 \(date) 迟到 \(f.minutes) 分钟，按旷工处理。" : "\(f.repName) 于 \(date) 旷工。"
        case (.absent, .zhHant):
            return f.minutes > 0 ? "\(f.repName) 於 \(date) 遲到 \(f.minutes) 分鐘，按曠工處理。" : "\(f.repName) 於 \(date) 曠工。"

        case (.penalty, .en):
            return f.count > 1
                ? "\(f.repName): \(f.event) \(f.count) times within the window (last on \(date))."
                : "\(f.repName): \(f.event) on \(date)."
        case (.penalty, .es):
            return f.count > 1
                ? "\(f.repName): \(f.event) \(f.count) veces en el periodo (la última el \(date))."
                : "\(f.repName): \(f.event) el \(date)."
        case (.penalty, .hu):
            return f.count > 1
                ? "\(f.repName): \(f.event) \(f.count) alkalommal az időszakban (utoljára: \(date))."
                : "\(f.repName): \(f.event) (\(date))."
        case (.penalty, .zhHans):
            return f.count > 1 ? "\(f.repName)：\(f.event) 在期限内累计 \(f.count) 次（最近一次 \(date)）。" : "\(f.repName)：\(f.event)（\(date)）。"
        case (.penalty, .zhHant):
            return f.count > 1 ? "\(f.repName)：\(f.event) 在期限內累計 \(f.count) 次（最近一次 \(date)）。" : "\(f.repName)：\(f.event)（\(date)）。"

        case (.scoreLow, .en): return "\(f.repName)'s score for \(f.event) is \(f.count), below \(f.days)."
        case (.scoreLow, .es): return "La puntuación de \(f.repName) en \(f.event) es \(f.count), por debajo de \(f.days)."
        case (.scoreLow, .hu): return "\(f.repName) pontszáma (\(f.event)) \(f.count), \(f.days) alatt van."
        case (.scoreLow, .zhHans): return "\(f.repName) \(f.event) 的积分为 \(f.count) 分，低于 \(f.days) 分。"
        case (.scoreLow, .zhHant): return "\(f.repName) \(f.event) 的積分為 \(f.count) 分，低於 \(f.days) 分。"

        case (.quotaShort, .en):
            return f.open
                ? "\(f.repName): \(f.count) of \(f.days) contacts so far for \(f.event); the period ends today."
                : "\(f.repName) made \(f.count) of \(f.days) required contacts in \(f.event)."
        case (.quotaShort, .es):
            return f.open
                ? "\(f.repName): \(f.count) de \(f.days) contactos en \(f.event); el periodo termina hoy."
                : "\(f.repName) hizo \(f.count) de los \(f.days) contactos exigidos en \(f.event)."
        case (.quotaShort, .hu):
            return f.open
                ? "\(f.repName): eddig \(f.count) / \(f.days) kapcsolatfelvétel (\(f.event)); az időszak ma zárul."
                : "\(f.repName) \(f.count) / \(f.days) előírt kapcsolatfelvételt teljesített (\(f.event))."
        case (.quotaShort, .zhHans):
            return f.open
                ? "\(f.repName)：\(f.event) 目前跟进 \(f.count) 次，目标 \(f.days) 次，今天截止。"
                : "\(f.repName) 在 \(f.event) 仅完成 \(f.count) 次跟进，未达到 \(f.days) 次的要求。"
        case (.quotaShort, .zhHant):
            return f.open
                ? "\(f.repName)：\(f.event) 目前跟進 \(f.count) 次，目標 \(f.days) 次，今天截止。"
                : "\(f.repName) 在 \(f.event) 僅完成 \(f.count) 次跟進，未達到 \(f.days) 次的要求。"

        case (.conflict, .en):
            return "\(name), registered by \(f.repName), is already registered (same \(f.event)); the first registration wins"
        case (.conflict, .es):
            return "\(name), registrado por \(f.repName), ya estaba registrado (mismo \(conflictField(f.event, locale))); prevalece el primer registro"
        case (.conflict, .hu):
            return "\(name) ügyfelet (rögzítette: \(f.repName)) már korábban rögzítették (azonos \(conflictField(f.event, locale))); az első rögzítés érvényes"
        case (.conflict, .zhHans):
            return "\(f.repName) 登记的客户 \(name) 与已有登记冲突（\(conflictField(f.event, locale))相同），以先登记的为准"
        case (.conflict, .zhHant):
            return "\(f.repName) 登記的客戶 \(name) 與已有登記衝突（\(conflictField(f.event, locale))相同），以先登記的為準"

        default:
            return ProcessNoticeText.body(kind, f, locale) ?? "\(kind.rawValue): \(f.repName) \(name) \(f.note ?? "")"
        }
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

    private static func penaltyText(_ p: Penalty, _ locale: NoticeLocale) -> String {
        let fine = "\(p.fine)"
        switch locale {
        case .en: return " Fine \(fine), minus \(p.points) points."
        case .es: return " Multa \(fine), menos \(p.points) puntos."
        case .hu: return " Bírság: \(fine), mínusz \(p.points) pont."
        case .zhHans: return "罚款 \(fine) 元，扣 \(p.points) 分。"
        case .zhHant: return "罰款 \(fine) 元，扣 \(p.points) 分。"
        }
    }

    private static func noteText(_ note: String, _ locale: NoticeLocale) -> String {
        switch locale {
        case .en, .es, .hu: return " (\(note))"
        case .zhHans, .zhHant: return "（\(note)）"
        }
    }
}
