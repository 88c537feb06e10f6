/// Texts of the report, compliance, forecast, reclaim and care notices in the five
/// supported languages (``NoticeText`` hands these kinds over).
enum ProcessNoticeText {
    static func body(_ kind: NoticeKind, _ f: NoticeFacts, _ l: NoticeLocale) -> String? {
        switch kind {
        case .report: report(f, l)
        case .compliance: compliance(f, l)
        case .forecast: forecast(f, l)
        case .reclaim: reclaim(f, l)
        case .care: care(f, l)
        default: nil
        }
    }

    private static func pick(_ l: NoticeLocale, _ en: String, _ es: String, _ hu: String, _ hans: String, _ hant: String)
        -> String
    {
        switch l {
        case .en: en
        case .es: es
        case .hu: hu
        case .zhHans: hans
        case .zhHant: hant
        }
    }

    /// `event` is the report title, `count` the contacts and `days` the new customers of the period.
    private static func report(_ f: NoticeFacts, _ l: NoticeLocale) -> String {
        pick(
            l, "\(f.event) is ready: \(f.count) contacts, \(f.days) new customers.",
            "\(f.event) está listo: \(f.count) contactos, \(f.days) clientes nuevos.",
            "Elkészült: \(f.event) – \(f.count) kapcsolatfelvétel, \(f.days) új ügyfél.",
            "\(f.event) 已生成：联系 \(f.count) 次，新开发客户 \(f.days) 个。",
            "\(f.event) 已生成：聯繫 \(f.count) 次，新開發客戶 \(f.days) 個。")
    }

    /// `event`: plan, daily or approval; `date` the workday; `minutes` past the deadline.
    private static func compliance(_ f: NoticeFacts, _ l: NoticeLocale) -> String {
        let d = f.date?.description ?? ""
        let r = f.repName
        switch f.event {
        case "plan":
            return pick(
                l, "\(r) has not filed the visit plan for \(d).", "\(r) no ha presentado el plan de visitas del \(d).",
                "\(r) nem adta le a látogatási tervet (\(d)).", "\(r) 尚未提交 \(d) 的每日拜访计划表。",
                "\(r) 尚未提交 \(d) 的每日拜訪計劃表。")
        case "daily":
            return pick(
                l, "\(r) has not filed the daily report for \(d).", "\(r) no ha presentado el informe diario del \(d).",
                "\(r) nem adta le a napi jelentést (\(d)).", "\(r) 尚未提交 \(d) 的每日销售报告表。",
                "\(r) 尚未提交 \(d) 的每日銷售報告表。")
        default:
            return pick(
                l, "The visit plan of \(r) for \(d) is still waiting for the supervisor's approval.",
                "El plan de visitas de \(r) del \(d) sigue pendiente de aprobación del supervisor.",
                "\(r) látogatási terve (\(d)) még vár a vezető jóváhagyására.",
                "\(r) \(d) 的拜访计划表仍待主管核签。", "\(r) \(d) 的拜訪計劃表仍待主管核簽。")
        }
    }

    /// `event`: close (a passed close date, `due`) or stale (probability unchanged since `date`).
    private static func forecast(_ f: NoticeFacts, _ l: NoticeLocale) -> String {
        let n = f.customerName
        if f.event == "close" {
            let d = f.due?.description ?? ""
            return pick(
                l, "\(n): the close date \(d) has passed with no contact since; update the date or the probability.",
                "\(n): la fecha de cierre \(d) ya pasó sin contacto desde entonces; actualice la fecha o la probabilidad.",
                "\(n): a zárás várt napja (\(d)) elmúlt, azóta nem volt kapcsolat; frissítse a dátumot vagy a valószínűséget.",
                "\(n)：预计成交日期 \(d) 已过且之后没有跟进，请更新成交日期或成交概率。",
                "\(n)：預計成交日期 \(d) 已過且之後沒有跟進，請更新成交日期或成交概率。")
        }
        let d = f.date?.description ?? ""
        return pick(
            l, "\(n): the probability has not changed since \(d) (\(f.days) days).",
            "\(n): la probabilidad no ha cambiado desde el \(d) (\(f.days) días).",
            "\(n): a valószínűség \(d) óta nem változott (\(f.days) napja).",
            "\(n)：成交概率自 \(d) 起未更新（已 \(f.days) 天）。",
            "\(n)：成交概率自 \(d) 起未更新（已 \(f.days) 天）。")
    }

    /// `open`: a warning with `days` left before `due`; otherwise the customer is back in the pool.
    private static func reclaim(_ f: NoticeFacts, _ l: NoticeLocale) -> String {
        let n = f.customerName
        let c = f.customerClass
        let d = f.due?.description ?? ""
        if f.open {
            return pick(
                l, "\(n) (class \(c)) returns to the shared pool on \(d), in \(f.days) \(f.days == 1 ? "day" : "days"), unless followed up.",
                "\(n) (clase \(c)) vuelve a la bolsa común el \(d), dentro de \(f.days) \(f.days == 1 ? "día" : "días"), si no se hace seguimiento.",
                "\(n) (\(c) osztály) \(d)-án/én, \(f.days) nap múlva visszakerül a közös készletbe, ha nincs utánkövetés.",
                "客户 \(n)（\(c)类）如不跟进，将于 \(d)（\(f.days) 天后）收回公海。",
                "客戶 \(n)（\(c)類）如不跟進，將於 \(d)（\(f.days) 天後）收回公海。")
        }
        return pick(
            l, "\(n) (class \(c)) was not followed up in time and returns to the shared pool (from \(d)).",
            "\(n) (clase \(c)) no tuvo seguimiento a tiempo y vuelve a la bolsa común (desde el \(d)).",
            "\(n) (\(c) osztály) utánkövetése elmaradt, visszakerül a közös készletbe (\(d)-tól/től).",
            "客户 \(n)（\(c)类）未按时跟进，自 \(d) 起收回公海。",
            "客戶 \(n)（\(c)類）未按時跟進，自 \(d) 起收回公海。")
    }

    /// `event`: birthday, anniversary (`count` years), churn (gap `days`, usual `count`),
    /// spring_festival or mid_autumn (`count` key customers of the rep).
    private static func care(_ f: NoticeFacts, _ l: NoticeLocale) -> String {
        let n = f.customerName
        let d = f.due?.description ?? ""
        switch f.event {
        case "birthday":
            return pick(
                l, "\(n)'s birthday is on \(d); send greetings.", "El cumpleaños de \(n) es el \(d); envíe una felicitación.",
                "\(n) születésnapja: \(d); küldjön köszöntést.", "客户 \(n) 的生日是 \(d)，请送上祝福。",
                "客戶 \(n) 的生日是 \(d)，請送上祝福。")
        case "anniversary":
            return pick(
                l, "\(n) celebrates \(f.count) \(f.count == 1 ? "year" : "years") on \(d); send congratulations.",
                "\(n) cumple \(f.count) \(f.count == 1 ? "año" : "años") el \(d); envíe una felicitación.",
                "\(n) \(d)-án/én ünnepli \(f.count) éves évfordulóját; gratuláljon.",
                "客户 \(n) 将于 \(d) 迎来 \(f.count) 周年，请致贺。", "客戶 \(n) 將於 \(d) 迎來 \(f.count) 週年，請致賀。")
        case "churn":
            return pick(
                l, "\(n) usually hears from you every \(f.count) days, but the last contact was \(f.days) days ago: risk of churn.",
                "\(n) suele tener contacto cada \(f.count) días, pero el último fue hace \(f.days) días: riesgo de pérdida.",
                "\(n) általában \(f.count) naponta kap hírt, de az utolsó kapcsolat \(f.days) napja volt: lemorzsolódás veszélye.",
                "客户 \(n) 通常每 \(f.count) 天联系一次，但已 \(f.days) 天未联系，有流失风险。",
                "客戶 \(n) 通常每 \(f.count) 天聯繫一次，但已 \(f.days) 天未聯繫，有流失風險。")
        case "spring_festival":
            return pick(
                l, "Spring Festival is on \(d): prepare greetings for your \(f.count) key customers.",
                "El Año Nuevo chino es el \(d): prepare felicitaciones para sus \(f.count) clientes clave.",
                "A kínai újév (tavaszünnep) \(d): készítsen köszöntést \(f.count) kulcsügyfelének.",
                "春节是 \(d)，请为您的 \(f.count) 位重点客户准备节日问候。",
                "春節是 \(d)，請為您的 \(f.count) 位重點客戶準備節日問候。")
        default:
            return pick(
                l, "Mid-Autumn Festival is on \(d): prepare greetings for your \(f.count) key customers.",
                "La Fiesta del Medio Otoño es el \(d): prepare felicitaciones para sus \(f.count) clientes clave.",
                "Az őszközépi ünnep \(d): készítsen köszöntést \(f.count) kulcsügyfelének.",
                "中秋节是 \(d)，请为您的 \(f.count) 位重点客户准备节日问候。",
                "中秋節是 \(d)，請為您的 \(f.count) 位重點客戶準備節日問候。")
        }
    }
}
