/// Texts of the report, compliance, forecast, reclaim and care notices in the five
/// supported languages (``NoticeText`` hands these kinds over).
enum ProcessNoticeText {
    static func body(_ facts: NoticeFacts, _ d: DateWords) -> String {
        switch facts {
        case .report(let f): report(f, d.locale)
        case .compliance(let f): compliance(f, d)
        case .forecast(let f): forecast(f, d)
        case .reclaim(let f): reclaim(f, d)
        case .care(let f): care(f, d)
        default: ""
        }
    }

    private static func report(_ f: NoticeFacts.ReportReady, _ l: NoticeLocale) -> String {
        NoticeLocale.pick(
            l,
            "\(f.title) is ready: \(Plural.count(f.contacts, "contact", "contacts")), \(Plural.count(f.newCustomers, "new customer", "new customers")).",
            "Ya está disponible el informe «\(f.title)»: \(Plural.count(f.contacts, "contacto", "contactos")), \(Plural.count(f.newCustomers, "cliente nuevo", "clientes nuevos")).",
            "Elkészült a jelentés: \(f.title) – \(f.contacts) kapcsolatfelvétel, \(f.newCustomers) új ügyfél.",
            "\(f.title) 已生成：联系 \(f.contacts) 次，新开发客户 \(f.newCustomers) 个。",
            "\(f.title) 已生成：聯繫 \(f.contacts) 次，新開發客戶 \(f.newCustomers) 個。")
    }

    private static func compliance(_ f: NoticeFacts.Compliance, _ d: DateWords) -> String {
        let r = f.repName
        let day = d.date(f.date)
        let of = d.of(f.date)
        switch f.form {
        case .plan:
            return NoticeLocale.pick(
                d.locale, "\(r) has not filed the visit plan for \(day).", "\(r) no ha presentado el plan de visitas del \(day).",
                "\(r) nem adta le a \(of) látogatási tervet.", "\(r) 尚未提交\(day)的每日拜访计划表。",
                "\(r) 尚未提交\(day)的每日拜訪計劃表。")
        case .daily:
            return NoticeLocale.pick(
                d.locale, "\(r) has not filed the daily report for \(day).", "\(r) no ha presentado el informe diario del \(day).",
                "\(r) nem adta le a \(of) napi jelentést.", "\(r) 尚未提交\(day)的每日销售报告表。",
                "\(r) 尚未提交\(day)的每日銷售報告表。")
        case .approval:
            guard let a = f.approverName else {
                return NoticeLocale.pick(
                    d.locale, "The visit plan of \(r) for \(day) is still waiting for approval, and no supervisor is on record to approve it.",
                    "El plan de visitas de \(r) del \(day) sigue pendiente de aprobación y no consta ningún supervisor que pueda aprobarlo.",
                    "\(r) \(of) látogatási terve még jóváhagyásra vár, de nincs nyilvántartott vezető, aki jóváhagyhatná.",
                    "\(r) \(day)的拜访计划表仍待核签，但没有登记可核签的主管。",
                    "\(r) \(day)的拜訪計劃表仍待核簽，但沒有登記可核簽的主管。")
            }
            return NoticeLocale.pick(
                d.locale, "\(a) has not yet approved the visit plan of \(r) for \(day): \(a) must approve it.",
                "\(a) aún no ha aprobado el plan de visitas de \(r) del \(day); le corresponde aprobarlo.",
                "\(a) még nem hagyta jóvá \(r) \(of) látogatási tervét; a jóváhagyás az ő feladata.",
                "\(r) \(day)的拜访计划表已提交，\(a) 尚未核签，请 \(a) 尽快核签。",
                "\(r) \(day)的拜訪計劃表已提交，\(a) 尚未核簽，請 \(a) 盡快核簽。")
        }
    }

    private static func forecast(_ f: NoticeFacts.Forecast, _ d: DateWords) -> String {
        let n = f.customerName
        switch f.problem {
        case .close(let date, _):
            let day = d.date(date)
            return NoticeLocale.pick(
                d.locale, "\(n): the expected close date (\(day)) has passed with no contact since; update the date or the probability.",
                "\(n): la fecha prevista de cierre (\(day)) ya pasó y no ha habido contacto desde entonces; actualice la fecha o la probabilidad.",
                "\(n): a zárás várható napja (\(day)) elmúlt, és azóta nem volt kapcsolatfelvétel; frissítse a dátumot vagy a valószínűséget.",
                "\(n)：预计成交日期（\(day)）已过，此后没有跟进，请更新成交日期或成交概率。",
                "\(n)：預計成交日期（\(day)）已過，此後沒有跟進，請更新成交日期或成交機率。")
        case .stale(let since, let days):
            let day = d.date(since)
            return NoticeLocale.pick(
                d.locale, "\(n): the probability has not changed since \(day) (\(Plural.count(days, "day", "days"))).",
                "\(n): la probabilidad no ha cambiado desde el \(day) (hace \(Plural.count(days, "día", "días"))).",
                "\(n): a valószínűség \(day) óta (\(days) napja) nem változott.",
                "\(n)：成交概率自\(day)起未更新（已 \(days) 天）。",
                "\(n)：成交機率自\(day)起未更新（已 \(days) 天）。")
        }
    }

    private static func reclaim(_ f: NoticeFacts.Reclaim, _ d: DateWords) -> String {
        let n = f.customerName
        let c = f.customerClass
        let on = d.on(f.reclaimDate)
        if let days = f.daysLeft {
            return NoticeLocale.pick(
                d.locale, "\(n) (class \(c)) returns to the shared pool \(on), in \(Plural.count(days, "day", "days")), unless followed up.",
                "\(n) (clase \(c)) volverá a la cartera libre \(on) (dentro de \(Plural.count(days, "día", "días"))) si no se le hace seguimiento.",
                "\(n) (\(c) kategória) \(days) nap múlva, \(on) visszakerül a szabad ügyfélkörbe, ha nem történik utánkövetés.",
                "客户 \(n)（\(c)类）如不跟进，将于\(on)（\(days) 天后）收回公海。",
                "客戶 \(n)（\(c)類）如不跟進，將於\(on)（\(days) 天後）收回公海。")
        }
        return NoticeLocale.pick(
            d.locale, "\(n) (class \(c)) was not followed up in time and returned to the shared pool \(on).",
            "\(n) (clase \(c)) no tuvo seguimiento a tiempo y volvió a la cartera libre \(on).",
            "\(n) (\(c) kategória) utánkövetése elmaradt, ezért \(on) visszakerült a szabad ügyfélkörbe.",
            "客户 \(n)（\(c)类）未按时跟进，已于\(on)收回公海。",
            "客戶 \(n)（\(c)類）未按時跟進，已於\(on)收回公海。")
    }

    private static func care(_ f: NoticeFacts.Care, _ d: DateWords) -> String {
        let n = f.customerName
        switch f.occasion {
        case .birthday(let date, _):
            let on = d.on(date)
            return NoticeLocale.pick(
                d.locale, "\(n)'s birthday is \(on); send greetings.", "El cumpleaños de \(n) es \(on); envíele una felicitación.",
                "\(n) születésnapja \(on) lesz; küldjön köszöntést.", "客户 \(n) 的生日是\(on)，请送上祝福。",
                "客戶 \(n) 的生日是\(on)，請送上祝福。")
        case .anniversary(let date, _, let years):
            let on = d.on(date)
            return NoticeLocale.pick(
                d.locale, "\(n) celebrates its \(ordinal(years)) anniversary \(on); send congratulations.",
                "\(n) celebra su \(years).º aniversario \(on); envíele una felicitación.",
                "\(n) \(on) ünnepli fennállásának \(years). évfordulóját; gratuláljon.",
                "客户 \(n) 将于\(on)迎来成立 \(years) 周年，请致贺。", "客戶 \(n) 將於\(on)迎來成立 \(years) 週年，請致賀。")
        case .churn(_, let gap, let usual):
            return NoticeLocale.pick(
                d.locale,
                "\(n) usually hears from you \(usual == 1 ? "every day" : "every \(usual) days"), but the last contact was \(Plural.count(gap, "day", "days")) ago: risk of churn.",
                "Con \(n) suele haber contacto \(usual == 1 ? "a diario" : "cada \(usual) días"), pero el último fue hace \(Plural.count(gap, "día", "días")): riesgo de perder al cliente.",
                "\(n) általában \(usual == 1 ? "naponta" : "\(usual) naponta") hall Önökről, de az utolsó kapcsolatfelvétel \(gap) napja volt: fennáll a lemorzsolódás veszélye.",
                usual == 1 ? "客户 \(n) 通常每天联系，但已 \(gap) 天未联系，有流失风险。" : "客户 \(n) 通常每 \(usual) 天联系一次，但已 \(gap) 天未联系，有流失风险。",
                usual == 1 ? "客戶 \(n) 通常每天聯繫，但已 \(gap) 天未聯繫，有流失風險。" : "客戶 \(n) 通常每 \(usual) 天聯繫一次，但已 \(gap) 天未聯繫，有流失風險。")
        case .festival(let name, let date, _, let count):
            return festival(name, date, count, f.festivalLabel, d)
        }
    }

    private static func festival(
        _ name: String, _ date: LocalDate, _ count: Int, _ label: LocalizedLabel?, _ d: DateWords
    ) -> String {
        if name != "spring_festival", name != "mid_autumn" {
            return FestivalText.greeting(name, label: label, date: date, keyCustomers: count, d)
        }
        let on = d.on(date)
        let en = count == 1 ? "your key customer" : "your \(count) key customers"
        let es = count == 1 ? "su cliente clave" : "sus \(count) clientes clave"
        let hu = count == 1 ? "kiemelt ügyfele" : "\(count) kiemelt ügyfele"
        if name == "spring_festival" {
            return NoticeLocale.pick(
                d.locale, "Spring Festival (Chinese New Year) is \(on): prepare greetings for \(en).",
                "El Año Nuevo chino es \(on): prepare felicitaciones para \(es).",
                "A kínai újév (tavaszünnep) \(on) lesz: készítsen köszöntőt \(hu) számára.",
                "春节是\(on)，请为您的 \(count) 位重点客户准备节日问候。",
                "春節是\(on)，請為您的 \(count) 位重點客戶準備節日問候。")
        }
        return NoticeLocale.pick(
            d.locale, "Mid-Autumn Festival is \(on): prepare greetings for \(en).",
            "La Fiesta del Medio Otoño es \(on): prepare felicitaciones para \(es).",
            "A holdünnep (őszközépi fesztivál) \(on) lesz: készítsen köszöntőt \(hu) számára.",
            "中秋节是\(on)，请为您的 \(count) 位重点客户准备节日问候。",
            "中秋節是\(on)，請為您的 \(count) 位重點客戶準備節日問候。")
    }

    /// "1st", "2nd", "3rd", "11th", "31st".
    static func ordinal(_ n: Int) -> String {
        let tens = n % 100
        if (11...13).contains(tens) { return "\(n)th" }
        switch n % 10 {
        case 1: return "\(n)st"
        case 2: return "\(n)nd"
        case 3: return "\(n)rd"
        default: return "\(n)th"
        }
    }
}
