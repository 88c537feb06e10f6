/// Headings, column names and notes of reports in the five supported languages.
package enum ReportText {
    /// Every piece of report text, by meaning.
    package enum Label: String, Sendable, CaseIterable {
        case progressTitle, numbersTitle, forecastTitle, keyCustomersTitle, poolTitle
        case rep, total, newCustomers, followups, phone, wechat, visit, email, other
        case effectiveVisitRate, fines, points, overdue
        case contacts, newProspectContacts, existingContacts, uniqueOpportunities, closed
        case closeRatioOpportunity, closeRatioContact
        case month, pipeline, weighted, goal, attainment
        case customer, customerID, customerClass, expectedAmount, share, cumulative
        case lastContact, reclaimDate, daysLeft
        case noteEffectiveVisit, noteOpportunity, noteClosed, noteKeyCustomers, noteForecast
    }

    /// The text of `label` in `locale`.
    package static func text(_ label: Label, _ locale: NoticeLocale) -> String {
        let t = table(label)
        switch locale {
        case .en: return t.0
        case .es: return t.1
        case .hu: return t.2
        case .zhHans: return t.3
        case .zhHant: return t.4
        }
    }

    /// A report's heading: its title and the period it covers, "Control semanal de avance,
    /// semana 47", "周进度控制（第47周）" (the year only when it is not `today`'s).
    package static func heading(_ title: String, period: CalendarPeriod, _ locale: NoticeLocale, today: LocalDate?) -> String {
        let label = LocalDateText.period(period, locale, today: today)
        switch locale {
        case .en, .es, .hu: return "\(title), \(label)"
        case .zhHans, .zhHant: return "\(title)（\(label)）"
        }
    }

    /// The progress table's title for a report of `kind` periods: weekly, monthly, ...
    package static func progressTitle(_ kind: Period, _ locale: NoticeLocale) -> String {
        let t: (String, String, String, String, String) =
            switch kind {
            case .day: ("Daily progress control", "Control diario de avance", "Napi előrehaladás", "日进度控制", "日進度控制")
            case .week: table(.progressTitle)
            case .month: ("Monthly progress control", "Control mensual de avance", "Havi előrehaladás", "月进度控制", "月進度控制")
            case .quarter:
                ("Quarterly progress control", "Control trimestral de avance", "Negyedéves előrehaladás", "季度进度控制", "季度進度控制")
            case .year: ("Annual progress control", "Control anual de avance", "Éves előrehaladás", "年度进度控制", "年度進度控制")
            }
        return NoticeLocale.pick(locale, t)
    }

    /// The note that defines a new prospect, with the report's `new_within` in days (`nil`:
    /// registered in the period).
    package static func newProspectNote(within days: Int?, _ locale: NoticeLocale) -> String {
        guard let days else {
            switch locale {
            case .en: return "New prospect: a customer registered (registered_at) in the period; customers without registered_at count as existing."
            case .es: return "Prospecto nuevo: un cliente registrado (registered_at) en el periodo; los clientes sin registered_at cuentan como existentes."
            case .hu: return "Új érdeklődő: az időszakban rögzített (registered_at) ügyfél; a registered_at nélküli ügyfelek meglévőnek számítanak."
            case .zhHans: return "新客户：登记日期（registered_at）在本期内的客户；没有 registered_at 的客户算作老客户。"
            case .zhHant: return "新客戶：登記日期（registered_at）在本期內的客戶；沒有 registered_at 的客戶算作老客戶。"
            }
        }
        switch locale {
        case .en:
            return "New prospect: a customer registered (registered_at) at most \(Plural.count(days, "day", "days")) before the contact; customers without registered_at count as existing."
        case .es:
            return "Prospecto nuevo: un cliente registrado (registered_at) como mucho \(Plural.count(days, "día", "días")) antes del contacto; los clientes sin registered_at cuentan como existentes."
        case .hu:
            return "Új érdeklődő: a kapcsolatfelvétel előtt legfeljebb \(days) nappal rögzített (registered_at) ügyfél; a registered_at nélküli ügyfelek meglévőnek számítanak."
        case .zhHans: return "新客户：联系前 \(days) 天内登记（registered_at）的客户；没有 registered_at 的客户算作老客户。"
        case .zhHant: return "新客戶：聯繫前 \(days) 天內登記（registered_at）的客戶；沒有 registered_at 的客戶算作老客戶。"
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func table(_ label: Label) -> (String, String, String, String, String) {
        switch label {
        case .progressTitle: ("Weekly progress control", "Control semanal de avance", "Heti előrehaladás", "周进度控制", "週進度控制")
        case .numbersTitle: ("The right numbers", "Las cifras que importan", "A lényeges számok", "关键指标", "關鍵指標")
        case .forecastTitle: ("Sales forecast", "Previsión de ventas", "Értékesítési előrejelzés", "销售预测", "銷售預測")
        case .keyCustomersTitle: ("Key customers (80/20)", "Clientes clave (80/20)", "Kiemelt ügyfelek (80/20)", "重点客户（二八法则）", "重點客戶（二八法則）")
        case .poolTitle: ("Customers returning to the shared pool", "Clientes que vuelven a la cartera libre", "Szabad ügyfélkörbe visszakerülő ügyfelek", "将收回公海的客户", "將收回公海的客戶")
        case .rep: ("Rep", "Vendedor", "Értékesítő", "业务员", "業務員")
        case .total: ("Total", "Total", "Összesen", "合计", "合計")
        case .newCustomers: ("New customers", "Clientes nuevos", "Új ügyfelek", "新开发客户", "新開發客戶")
        case .followups: ("Follow-ups", "Seguimientos", "Utánkövetések", "跟进次数", "跟進次數")
        case .phone: ("Phone", "Teléfono", "Telefon", "电话", "電話")
        case .wechat: ("WeChat", "WeChat", "WeChat", "微信", "微信")
        case .visit: ("Visit", "Visita", "Látogatás", "拜访", "拜訪")
        case .email: ("Email", "Correo", "E-mail", "邮件", "郵件")
        case .other: ("Other", "Otro", "Egyéb", "其他", "其他")
        case .effectiveVisitRate: ("Effective visits", "Visitas efectivas", "Eredményes látogatások", "有效拜访率", "有效拜訪率")
        case .fines: ("Fines", "Multas", "Bírságok", "罚款", "罰款")
        case .points: ("Points", "Puntos", "Pontok", "扣分", "扣分")
        case .overdue: ("Overdue", "Vencidos", "Lejárt", "逾期", "逾期")
        case .contacts: ("Contacts", "Contactos", "Kapcsolatfelvételek", "联系次数", "聯繫次數")
        case .newProspectContacts: ("With new prospects", "Con prospectos nuevos", "Új érdeklődőkkel", "新客户联系", "新客戶聯繫")
        case .existingContacts: ("With existing prospects", "Con prospectos existentes", "Meglévő érdeklődőkkel", "老客户跟进", "老客戶跟進")
        case .uniqueOpportunities: ("Unique opportunities", "Oportunidades únicas", "Egyedi üzleti lehetőségek", "独立销售机会", "獨立銷售機會")
        case .closed: ("Closed", "Ventas cerradas", "Lezárt üzletek", "成交", "成交")
        case .closeRatioOpportunity: ("Close ratio per opportunity", "Tasa de cierre por oportunidad", "Zárási arány lehetőségenként", "按机会成交率", "按機會成交率")
        case .closeRatioContact: ("Close ratio per contact", "Tasa de cierre por contacto", "Zárási arány kapcsolatfelvételenként", "按联系成交率", "按聯繫成交率")
        case .month: ("Month of close", "Mes de cierre", "Zárás hónapja", "预计成交月份", "預計成交月份")
        case .pipeline: ("Pipeline", "En negociación", "Folyamatban lévő összeg", "预计金额", "預計金額")
        case .weighted: ("Weighted", "Ponderado", "Súlyozott", "加权金额", "加權金額")
        case .goal: ("Goal", "Objetivo", "Cél", "目标", "目標")
        case .attainment: ("Of goal", "% del objetivo", "Célteljesítés", "目标完成率", "目標完成率")
        case .customer: ("Customer", "Cliente", "Ügyfél", "客户", "客戶")
        case .customerID: ("Customer ID", "ID de cliente", "Ügyfélazonosító", "客户编号", "客戶編號")
        case .customerClass: ("Class", "Clase", "Kategória", "类别", "類別")
        case .expectedAmount: ("Expected amount", "Importe previsto", "Várható összeg", "预计金额", "預計金額")
        case .share: ("Share", "Porcentaje", "Részesedés", "占比", "佔比")
        case .cumulative: ("Cumulative", "Acumulado", "Halmozott", "累计占比", "累計佔比")
        case .lastContact: ("Last contact", "Último contacto", "Utolsó kapcsolatfelvétel", "最近联系", "最近聯繫")
        case .reclaimDate: ("Reclaim date", "Fecha de liberación", "Visszakerülés napja", "收回日期", "收回日期")
        case .daysLeft: ("Days left", "Días restantes", "Hátralévő napok", "剩余天数", "剩餘天數")
        case .noteEffectiveVisit:
            ("Effective visit: a visit that raised the customer's progress or recorded an outcome.",
             "Visita efectiva: la que hizo avanzar al cliente o dejó registrado un resultado.",
             "Eredményes látogatás: olyan látogatás, amely előre vitte az ügyfelet, vagy amelynek eredményét rögzítették.",
             "有效拜访：提高了客户跟进进度或有明确结果的拜访。",
             "有效拜訪：提高了客戶跟進進度或有明確結果的拜訪。")
        case .noteOpportunity:
            ("Unique opportunity: a customer contacted in the period, counted once however many contacts it took.",
             "Oportunidad única: un cliente contactado en el periodo, que cuenta una sola vez por muchos contactos que haya tenido.",
             "Egyedi üzleti lehetőség: az időszakban megkeresett ügyfél, amely egyszer számít, akárhány kapcsolatfelvétel volt vele.",
             "独立销售机会：本期联系过的客户，无论联系多少次只计一次。",
             "獨立銷售機會：本期聯繫過的客戶，無論聯繫多少次只計一次。")
        case .noteClosed:
            ("Closed: a customer with a contact of outcome 'won' in the period.",
             "Venta cerrada: un cliente con un contacto de resultado 'won' en el periodo.",
             "Lezárt üzlet: olyan ügyfél, akinél az időszakban 'won' eredményű kapcsolatfelvételt rögzítettek.",
             "成交：本期有结果为 won 的联系记录的客户。",
             "成交：本期有結果為 won 的聯繫記錄的客戶。")
        case .noteKeyCustomers:
            ("The fewest customers whose expected amounts add up to 80% of the total.",
             "El menor número de clientes cuyos importes previstos suman el 80 % del total.",
             "A lehető legkevesebb ügyfél, akiknek várható összege együtt eléri a teljes összeg 80%-át.",
             "预计金额合计达到总额 80% 的最少客户。",
             "預計金額合計達到總額 80% 的最少客戶。")
        case .noteForecast:
            ("Weighted: expected amount times probability, by month of the close date.",
             "Ponderado: importe previsto multiplicado por la probabilidad, agrupado por mes de cierre.",
             "Súlyozott: a várható összeg és a valószínűség szorzata, a zárás hónapja szerint összesítve.",
             "加权金额：预计金额乘以成交概率，按预计成交月份汇总。",
             "加權金額：預計金額乘以成交機率，按預計成交月份匯總。")
        }
    }
}
