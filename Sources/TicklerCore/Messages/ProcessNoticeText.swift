/// Texts of the report, compliance, forecast, reclaim and care notices in the five
/// supported languages (``NoticeText`` hands these kinds over).
enum ProcessNoticeText {
    static func body(_ facts: NoticeFacts, _ l: NoticeLocale) -> String {
        switch facts {
        case .report(let f): report(f, l)
        case .compliance(let f): compliance(f, l)
        case .forecast(let f): forecast(f, l)
        case .reclaim(let f): reclaim(f, l)
        case .care(let f): care(f, l)
        default: ""
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

    private static func report(_ f: NoticeFacts.ReportReady, _ l: NoticeLocale) -> String {
        pick(
            l,
            "\(f.title) is ready: \(Plural.count(f.contacts, "contact", "contacts")), \(Plural.count(f.newCustomers, "new customer", "new customers")).",
            "\(f.title) está listo: \(Plural.count(f.contacts, "contacto", "contactos")), \(Plural.count(f.newCustomers, "cliente nuevo", "clientes nuevos")).",
            "Elkészült: \(f.title) – \(f.contacts) kapcsolatfelvétel, \(f.newCustomers) új ügyfél.",
            "\(f.title) 已生成：联系 \(f.contacts) 次，新开发客户 \(f.newCustomers) 个。",
            "\(f.title) 已生成：聯繫 \(f.contacts) 次，新開發客戶 \(f.newCustomers) 個。")
    }

    private static func compliance(_ f: NoticeFacts.Compliance, _ l: NoticeLocale) -> String {
        let d = f.date.description
        let r = f.repName
        switch f.form {
        case .plan:
            return pick(
                l, "\(r) has not filed the visit plan for \(d).", "\(r) no ha presentado el plan de visitas del \(d).",
                "\(r) nem adta le a látogatási tervet (\(d)).", "\(r) 尚未提交 \(d) 的每日拜访计划表。",
                "\(r) 尚未提交 \(d) 的每日拜訪計劃表。")
        case .daily:
            return pick(
                l, "\(r) has not filed the daily report for \(d).", "\(r) no ha presentado el informe diario del \(d).",
                "\(r) nem adta le a napi jelentést (\(d)).", "\(r) 尚未提交 \(d) 的每日销售报告表。",
                "\(r) 尚未提交 \(d) 的每日銷售報告表。")
        case .approval:
            guard let a = f.approverName else {
                return pick(
                    l, "The visit plan of \(r) for \(d) is still waiting for approval, and no supervisor is on record to approve it.",
                    "El plan de visitas de \(r) del \(d) sigue pendiente de aprobación y no consta ningún supervisor que lo apruebe.",
                    "\(r) látogatási terve (\(d)) még jóváhagyásra vár, és nincs nyilvántartott vezető, aki jóváhagyná.",
                    "\(r) \(d) 的拜访计划表仍待核签，但没有登记可核签的主管。",
                    "\(r) \(d) 的拜訪計劃表仍待核簽，但沒有登記可核簽的主管。")
            }
            return pick(
                l, "\(a) has not yet approved the visit plan of \(r) for \(d): \(a) must approve it.",
                "\(a) aún no ha aprobado el plan de visitas de \(r) del \(d): le toca a \(a) aprobarlo.",
                "\(a) még nem hagyta jóvá \(r) látogatási tervét (\(d)): a jóváhagyás \(a) feladata.",
                "\(r) \(d) 的拜访计划表已提交，\(a) 尚未核签，请 \(a) 尽快核签。",
                "\(r) \(d) 的拜訪計劃表已提交，\(a) 尚未核簽，請 \(a) 盡快核簽。")
        }
    }

    private static func forecast(_ f: NoticeFacts.Forecast, _ l: NoticeLocale) -> String {
        let n = f.customerName
        switch f.problem {
        case .close(let date, _):
            let d = date.description
            return pick(
                l, "\(n): the close date \(d) has passed with no contact since; update the date or the probability.",
                "\(n): la fecha de cierre \(d) ya pasó sin contacto desde entonces; actualice la fecha o la probabilidad.",
                "\(n): a zárás várt napja (\(d)) elmúlt, azóta nem volt kapcsolat; frissítse a dátumot vagy a valószínűséget.",
                "\(n)：预计成交日期 \(d) 已过且之后没有跟进，请更新成交日期或成交概率。",
                "\(n)：預計成交日期 \(d) 已過且之後沒有跟進，請更新成交日期或成交概率。")
        case .stale(let since, let days):
            let d = since.description
            return pick(
                l, "\(n): the probability has not changed since \(d) (\(Plural.count(days, "day", "days"))).",
                "\(n): la probabilidad no ha cambiado desde el \(d) (\(Plural.count(days, "día", "días"))).",
                "\(n): a valószínűség \(d) óta nem változott (\(days) napja).",
                "\(n)：成交概率自 \(d) 起未更新（已 \(days) 天）。",
                "\(n)：成交概率自 \(d) 起未更新（已 \(days) 天）。")
        }
    }

    private static func reclaim(_ f: NoticeFacts.Reclaim, _ l: NoticeLocale) -> String {
        let n = f.customerName
        let c = f.customerClass
        let d = f.reclaimDate.description
        if let days = f.daysLeft {
            return pick(
                l, "\(n) (class \(c)) returns to the shared pool on \(d), in \(Plural.count(days, "day", "days")), unless followed up.",
                "\(n) (clase \(c)) vuelve a la bolsa común el \(d), dentro de \(Plural.count(days, "día", "días")), si no se hace seguimiento.",
                "\(n) (\(c) osztály) \(days) nap múlva visszakerül a közös készletbe, ha nincs utánkövetés (dátum: \(d)).",
                "客户 \(n)（\(c)类）如不跟进，将于 \(d)（\(days) 天后）收回公海。",
                "客戶 \(n)（\(c)類）如不跟進，將於 \(d)（\(days) 天後）收回公海。")
        }
        return pick(
            l, "\(n) (class \(c)) was not followed up in time and returns to the shared pool (from \(d)).",
            "\(n) (clase \(c)) no tuvo seguimiento a tiempo y vuelve a la bolsa común (desde el \(d)).",
            "\(n) (\(c) osztály) utánkövetése elmaradt, ezért \(d) óta a közös készletbe tartozik.",
            "客户 \(n)（\(c)类）未按时跟进，自 \(d) 起收回公海。",
            "客戶 \(n)（\(c)類）未按時跟進，自 \(d) 起收回公海。")
    }

    private static func care(_ f: NoticeFacts.Care, _ l: NoticeLocale) -> String {
        let n = f.customerName
        switch f.occasion {
        case .birthday(let date, _):
            let d = date.description
            return pick(
                l, "\(n)'s birthday is on \(d); send greetings.", "El cumpleaños de \(n) es el \(d); envíe una felicitación.",
                "\(n) születésnapja: \(d); küldjön köszöntést.", "客户 \(n) 的生日是 \(d)，请送上祝福。",
                "客戶 \(n) 的生日是 \(d)，請送上祝福。")
        case .anniversary(let date, _, let years):
            let d = date.description
            return pick(
                l, "\(n) celebrates \(Plural.count(years, "year", "years")) on \(d); send congratulations.",
                "\(n) cumple \(Plural.count(years, "año", "años")) el \(d); envíe una felicitación.",
                "\(n) \(years) éves évfordulója: \(d); gratuláljon.",
                "客户 \(n) 将于 \(d) 迎来 \(years) 周年，请致贺。", "客戶 \(n) 將於 \(d) 迎來 \(years) 週年，請致賀。")
        case .churn(_, let gap, let usual):
            return pick(
                l,
                "\(n) usually hears from you \(usual == 1 ? "every day" : "every \(usual) days"), but the last contact was \(Plural.count(gap, "day", "days")) ago: risk of churn.",
                "\(n) suele tener contacto \(usual == 1 ? "cada día" : "cada \(usual) días"), pero el último fue hace \(Plural.count(gap, "día", "días")): riesgo de pérdida.",
                "\(n) általában \(usual == 1 ? "naponta" : "\(usual) naponta") kap hírt, de az utolsó kapcsolat \(gap) napja volt: lemorzsolódás veszélye.",
                "客户 \(n) 通常每 \(usual) 天联系一次，但已 \(gap) 天未联系，有流失风险。",
                "客戶 \(n) 通常每 \(usual) 天聯繫一次，但已 \(gap) 天未聯繫，有流失風險。")
        case .festival(let name, let date, _, let count):
            let d = date.description
            let customersEn = count == 1 ? "your key customer" : "your \(count) key customers"
            let customersEs = count == 1 ? "su cliente clave" : "sus \(count) clientes clave"
            if name != "spring_festival", name != "mid_autumn" {
                return FestivalText.greeting(name, label: f.festivalLabel, date: date, keyCustomers: count, l)
            }
            if name == "spring_festival" {
                return pick(
                    l, "Spring Festival is on \(d): prepare greetings for \(customersEn).",
                    "El Año Nuevo chino es el \(d): prepare felicitaciones para \(customersEs).",
                    "A kínai újév (tavaszünnep) \(d): készítsen köszöntést \(count) kulcsügyfelének.",
                    "春节是 \(d)，请为您的 \(count) 位重点客户准备节日问候。",
                    "春節是 \(d)，請為您的 \(count) 位重點客戶準備節日問候。")
            }
            return pick(
                l, "Mid-Autumn Festival is on \(d): prepare greetings for \(customersEn).",
                "La Fiesta del Medio Otoño es el \(d): prepare felicitaciones para \(customersEs).",
                "Az őszközépi ünnep \(d): készítsen köszöntést \(count) kulcsügyfelének.",
                "中秋节是 \(d)，请为您的 \(count) 位重点客户准备节日问候。",
                "中秋節是 \(d)，請為您的 \(count) 位重點客戶準備節日問候。")
        }
    }
}
