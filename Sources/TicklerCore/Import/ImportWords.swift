/// The words offices write in a sheet for the store's fixed values (a contact's method, a
/// customer's status, yes and no), in the seeds' five languages and as Odoo and HubSpot
/// export them. Compared after ``ImportHeaders/normalized(_:)``.
package enum ImportWords {
    /// The store value of `choices` (a field's fixed values) that `text` names, if any.
    package static func choice(_ text: String, among choices: [String]) -> String? {
        let key = ImportHeaders.normalized(text)
        if let exact = choices.first(where: { ImportHeaders.normalized($0) == key }) { return exact }
        return choices.first { (table[$0] ?? []).contains(key) }
    }

    /// `true` or `false` for the ways sheets write yes and no; `nil` for anything else.
    package static func bool(_ text: String) -> Bool? {
        let key = ImportHeaders.normalized(text)
        if yes.contains(key) { return true }
        if no.contains(key) { return false }
        return nil
    }

    private static let yes: Set<String> = Set(
        ["true", "yes", "y", "x", "1", "是", "有", "√", "✓", "sí", "si", "s", "verdadero", "igen", "i", "igaz"].map(ImportHeaders.normalized))
    private static let no: Set<String> = Set(
        ["false", "no", "n", "0", "否", "无", "無", "falso", "nem", "hamis"].map(ImportHeaders.normalized))

    private static let table: [String: Set<String>] = words.mapValues { Set($0.map(ImportHeaders.normalized)) }

    private static let words: [String: [String]] = [
        // method
        "phone": ["call", "phone call", "telephone", "电话", "電話", "致电", "llamada", "teléfono", "telefon", "telefonhívás", "hívás"],
        "wechat": ["weixin", "微信", "wechat message"],
        "visit": ["meeting", "visita", "reunión", "拜访", "拜訪", "面谈", "面談", "上门", "látogatás", "találkozó", "személyes"],
        "email": ["e-mail", "mail", "邮件", "郵件", "电子邮件", "correo", "correo electrónico", "levél"],
        "other": ["todo", "to do", "task", "其他", "其它", "otro", "otros", "egyéb", "más"],
        // status
        "lead": ["new", "subscriber", "线索", "線索", "新客户", "潜在", "潛在", "nuevo", "potencial", "érdeklődő", "új"],
        "prospect": ["opportunity", "marketingqualifiedlead", "salesqualifiedlead", "qualified", "意向", "意向客户", "商机", "商機", "prospecto", "oportunidad", "lehetőség"],
        "customer": ["won", "成交", "已成交", "客户", "客戶", "cliente", "ganado", "vevő", "ügyfél"],
        "dead": ["lost", "closed lost", "流失", "死单", "死單", "perdido", "elveszett"],
        // report kind
        "plan": ["visit plan", "拜访计划", "拜訪計劃", "每日拜訪計劃表", "计划", "計劃", "plan de visitas", "terv"],
        "daily": ["daily report", "日报", "日報", "每日销售报告", "每日銷售報告表", "informe diario", "napi jelentés"],
    ]
}
