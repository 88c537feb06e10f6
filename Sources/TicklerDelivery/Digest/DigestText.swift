import Foundation
package import TicklerCore

/// The words of a digest in the five notice languages: subject, greeting, group headings
/// and the labels of each notice's detail line.
package enum DigestText {
    /// The subject line, e.g. `[Tickler] 3 notices for Wang Fang (2 overdue)`. One line,
    /// whatever the name holds (see ``TextLine``).
    package static func subject(_ digest: Digest) -> String {
        let count = digest.notices.count
        let overdue = digest.notices.filter { $0.kind == .overdue }.count
        let name = TextLine.flattened(digest.recipientName)
        switch digest.locale {
        case .en:
            return "[Tickler] \(count) \(count == 1 ? "notice" : "notices") for \(name)"
                + (overdue > 0 ? " (\(overdue) overdue)" : "")
        case .es:
            return "[Tickler] \(count) \(count == 1 ? "aviso" : "avisos") para \(name)"
                + (overdue > 0 ? " (\(overdue) \(overdue == 1 ? "vencido" : "vencidos"))" : "")
        case .hu:
            return "[Tickler] \(count) értesítés – \(name)" + (overdue > 0 ? " (\(overdue) lejárt)" : "")
        case .zhHans:
            return "[Tickler] \(name) 的 \(count) 条提醒" + (overdue > 0 ? "（逾期 \(overdue) 条）" : "")
        case .zhHant:
            return "[Tickler] \(name) 的 \(count) 則提醒" + (overdue > 0 ? "（逾期 \(overdue) 則）" : "")
        }
    }

    /// The opening line of the body.
    package static func greeting(_ digest: Digest) -> String {
        let name = TextLine.flattened(digest.recipientName)
        switch digest.locale {
        case .en: return "Hello \(name), these need your attention:"
        case .es: return "Hola, \(name). Estos asuntos requieren su atención:"
        case .hu: return "Kedves \(name)! Ezek a teendők várnak Önre:"
        case .zhHans: return "\(name)，您好！以下事项需要您处理："
        case .zhHant: return "\(name)，您好！以下事項需要您處理："
        }
    }

    /// The heading of a group: the kind, and for overdue the escalation step (1-based).
    package static func heading(_ kind: NoticeKind, level: Int?, _ locale: NoticeLocale) -> String {
        let title = kindTitle(kind, locale)
        guard let level else { return title }
        let step = level + 1
        switch locale {
        case .en: return "\(title) – escalation step \(step)"
        case .es: return "\(title) – nivel de escalado \(step)"
        case .hu: return "\(title) – \(step). eszkalációs fokozat"
        case .zhHans: return "\(title)（第 \(step) 级）"
        case .zhHant: return "\(title)（第 \(step) 級）"
        }
    }

    /// The detail line under a notice: customer, due date, days overdue, and for the kinds
    /// that charge them, fine and points deducted.
    package static func details(_ notice: Notice, _ locale: NoticeLocale) -> String? {
        let l = labels(locale)
        let colon = locale == .zhHans || locale == .zhHant ? "：" : ": "
        var parts: [String] = []
        if let customer = notice.customer {
            let name = notice.facts?.customerName ?? ""
            let id = locale == .zhHans || locale == .zhHant ? "（\(customer)）" : " (\(customer))"
            parts.append(l.customer + colon + (name.isEmpty || name == customer ? customer : name + id))
        }
        if let due = notice.due { parts.append(l.due + colon + LocalDateText.date(due, locale, today: notice.evaluatedOn)) }
        if notice.kind == .overdue, let days = notice.days { parts.append(l.days + colon + "\(days)") }
        if [.overdue, .late, .absent, .penalty].contains(notice.kind) {
            if let fine = notice.fine, fine != 0 { parts.append(l.fine + colon + "\(fine)") }
            if let points = notice.points, points != 0 { parts.append(l.points + colon + "\(points)") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The closing line: what sent this and when to expect the next one.
    package static func footer(_ locale: NoticeLocale) -> String {
        switch locale {
        case .en: return "Sent by Tickler. Each notice is sent once; reply to your manager with questions."
        case .es: return "Enviado por Tickler. Cada aviso se envía una sola vez; consulte sus dudas con su responsable."
        case .hu: return "Küldte: Tickler. Minden értesítés egyszer érkezik; kérdéseivel forduljon vezetőjéhez."
        case .zhHans: return "此邮件由 Tickler 发送。每条提醒只发送一次，如有疑问请联系您的主管。"
        case .zhHant: return "此郵件由 Tickler 發送。每則提醒只發送一次，如有疑問請聯繫您的主管。"
        }
    }

    /// The whole plain-text body. A `report` notice whose ``Report`` is in `reports` (by
    /// notice key) is followed by the report as aligned text tables.
    ///
    /// Each notice takes its own lines and no more: a line break or control character in
    /// store text (a customer's name, a note, an alert's message) becomes a space
    /// (``TextLine``), so it can neither forge a notice line nor a key line.
    package static func body(_ digest: Digest, reports: [String: Report] = [:]) -> String {
        var lines = [greeting(digest), ""]
        for group in digest.groups {
            let title = heading(group.kind, level: group.level, digest.locale)
            lines.append(title)
            lines.append(String(repeating: "-", count: max(3, min(72, Self.width(title)))))
            for notice in group.notices {
                lines.append("- " + TextLine.flattened(notice.message(in: digest.locale)))
                if let details = details(notice, digest.locale) { lines.append("  " + TextLine.flattened(details)) }
                lines.append("  [\(TextLine.flattened(notice.key))]")
                if let report = reports[notice.key] {
                    lines.append("")
                    lines.append(ReportRendering.text(report))
                }
            }
            lines.append("")
        }
        lines.append("-- ")
        lines.append(footer(digest.locale))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns a text takes in a monospaced font: East Asian wide characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x1100...0x115F).contains($1.value) || $1.value >= 0x2E80 ? 2 : 1) }
    }

    private struct Labels {
        var customer, due, days, fine, points: String
    }

    private static func labels(_ locale: NoticeLocale) -> Labels {
        switch locale {
        case .en: Labels(customer: "Customer", due: "Due", days: "Days overdue", fine: "Fine", points: "Points deducted")
        case .es: Labels(customer: "Cliente", due: "Vencimiento", days: "Días de retraso", fine: "Multa", points: "Puntos descontados")
        case .hu: Labels(customer: "Ügyfél", due: "Határidő", days: "Késés (nap)", fine: "Bírság", points: "Levont pont")
        case .zhHans: Labels(customer: "客户", due: "截止日期", days: "逾期天数", fine: "罚款", points: "扣分")
        case .zhHant: Labels(customer: "客戶", due: "截止日期", days: "逾期天數", fine: "罰款", points: "扣分")
        }
    }

    private static func kindTitle(_ kind: NoticeKind, _ locale: NoticeLocale) -> String {
        let titles: [NoticeLocale: [String]] = [
            .en: [
                "Overdue follow-ups", "Absences", "Late check-ins", "Penalties", "Low scores", "Quotas not met",
                "Registration conflicts", "Alerts", "Plans and reports", "Customers returning to the pool",
                "Pipeline", "Customer care", "Follow-ups due soon", "Scheduled contacts", "Reports",
            ],
            .es: [
                "Seguimientos vencidos", "Ausencias", "Llegadas tarde", "Sanciones", "Puntuaciones bajas",
                "Cuotas no cumplidas", "Conflictos de registro", "Alertas", "Planes e informes",
                "Clientes que vuelven a la cartera libre", "Previsión de ventas", "Atención a clientes clave",
                "Seguimientos próximos", "Contactos programados", "Informes",
            ],
            .hu: [
                "Lejárt utánkövetések", "Hiányzások", "Késések", "Büntetések", "Alacsony pontszámok",
                "Nem teljesült előírások", "Ütköző ügyfélrögzítések", "Riasztások", "Tervek és jelentések",
                "Szabad ügyfélkörbe visszakerülő ügyfelek", "Értékesítési előrejelzés", "Kiemelt ügyfelek gondozása",
                "Hamarosan esedékes utánkövetések", "Egyeztetett kapcsolatfelvételek", "Jelentések",
            ],
            .zhHans: [
                "逾期跟进", "旷工", "迟到", "处罚", "积分过低", "未完成指标", "登记冲突", "提醒", "计划与日报",
                "即将回收至公海的客户", "销售预测", "客户关怀", "即将到期的跟进", "已约定的联系", "报表",
            ],
            .zhHant: [
                "逾期跟進", "曠工", "遲到", "處罰", "積分過低", "未完成指標", "登記衝突", "提醒", "計劃與日報",
                "即將回收至公海的客戶", "銷售預測", "客戶關懷", "即將到期的跟進", "已約定的聯繫", "報表",
            ],
        ]
        if kind == .reward { return RewardNoticeText.heading(locale) }
        // Indexed by rank, which is 0..<15 in NoticeKind's digest order.
        return titles[locale]?[kind.rank] ?? kind.rawValue
    }
}
