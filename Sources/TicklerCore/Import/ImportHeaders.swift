import Foundation

/// The store field a sheet's column header names, in the five languages of the seeds (en, es,
/// hu, zh-Hans, zh-Hant) and with the column names of the CRMs offices export from (Odoo,
/// HubSpot). A mapping file (``ImportMapping``) names the rest.
///
/// Headers are compared after ``normalized(_:)``: case, accents, full-width forms, spaces and
/// punctuation do not matter (`Teléfono`, `TELEFONO`, `teléfono:` and `电话 ` all match).
package enum ImportHeaders {
    /// The field of `fields` (a collection's fields, in the order to try) that `header` names.
    package static func field(for header: String, among fields: [String]) -> String? {
        let key = normalized(header)
        guard !key.isEmpty else { return nil }
        for field in fields where normalized(field) == key { return field }
        for field in fields where (table[field] ?? []).contains(key) { return field }
        return nil
    }

    /// `text` folded for comparison: lower case, without accents, half-width, and without
    /// spaces, punctuation and a required-field star.
    package static func normalized(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    /// Names per field, written as offices write them; normalized once.
    private static let table: [String: Set<String>] = words.mapValues { Set($0.map(normalized)) }

    private static let words: [String: [String]] = [
        "id": [
            "id", "code", "no", "number", "record id", "customer id", "client id", "rep id", "external id",
            "编号", "客户编号", "代码", "编码", "员工编号", "工号", "編號", "客戶編號", "員工編號",
            "código", "cod", "id cliente", "número", "azonosító", "kód", "ügyfélkód", "ügyfélazonosító", "törzsszám",
        ],
        "name": [
            "name", "full name", "company name", "customer name", "client name", "display name", "rep name",
            "名称", "姓名", "客户", "客户名称", "客户名", "客戶", "公司名称", "名字", "客戶名稱", "客戶名", "公司名稱", "業務員姓名", "业务员姓名",
            "nombre", "nombre del cliente", "razón social", "cliente", "empresa",
            "név", "ügyfél neve", "ügyfél", "cégnév", "teljes név",
        ],
        "rep": [
            "rep", "sales rep", "salesperson", "owner", "contact owner", "company owner", "assigned to", "responsible",
            "业务员", "销售", "销售员", "销售代表", "负责人", "跟进人", "業務員", "業務", "負責人", "銷售", "銷售員",
            "vendedor", "comercial", "representante", "asesor", "responsable",
            "üzletkötő", "értékesítő", "felelős", "kapcsolattartó",
        ],
        "class": [
            "class", "grade", "tier", "customer class", "等级", "客户等级", "级别", "分类", "等級", "客戶等級", "級別", "類別",
            "categoría", "clase", "tipo de cliente", "kategória", "osztály", "besorolás", "ügyfélkategória",
        ],
        "status": [
            "status", "stage", "lifecycle stage", "lead status", "状态", "客户状态", "狀態", "客戶狀態",
            "estado", "etapa", "állapot", "státusz",
        ],
        "phone": [
            "phone", "tel", "telephone", "mobile", "phone number", "mobile phone number", "电话", "手机", "联系电话",
            "電話", "手機", "聯絡電話", "teléfono", "móvil", "celular", "telefonszám", "telefon", "mobil",
        ],
        "registered_at": [
            "registered", "registration date", "create date", "created on", "created", "登记日期", "注册日期", "登记时间",
            "录入日期", "建档日期", "创建时间", "登記日期", "註冊日期", "建檔日期", "fecha de registro", "fecha de alta", "alta",
            "regisztráció", "regisztráció dátuma", "felvéve", "rögzítve",
        ],
        "next_contact": [
            "next contact", "next contact date", "下次联系", "下次联系日期", "下次聯絡", "下次聯絡日期",
            "próximo contacto", "siguiente contacto", "következő kapcsolatfelvétel", "következő hívás",
        ],
        "birthday": [
            "birthday", "date of birth", "birth date", "生日", "出生日期", "cumpleaños", "fecha de nacimiento",
            "születésnap", "születési dátum",
        ],
        "expected_amount": [
            "expected amount", "expected revenue", "amount", "预计金额", "金额", "預計金額", "金額", "importe",
            "importe esperado", "monto", "összeg", "várható összeg",
        ],
        "close_date": [
            "close date", "expected closing", "预计成交日期", "成交日期", "預計成交日期", "fecha de cierre",
            "zárás dátuma", "várható zárás",
        ],
        "probability": ["probability", "成交概率", "概率", "機率", "成交機率", "probabilidad", "valószínűség"],
        "household": ["household", "家庭", "家庭编号", "家庭編號", "hogar", "háztartás"],
        "founded": ["founded", "founding date", "成立日期", "fundación", "fecha de fundación", "alapítás", "alapítás dátuma"],
        "customer": [
            "customer", "client", "customer id", "client id", "company", "客户", "客户编号", "客戶", "客戶編號",
            "cliente", "id cliente", "código cliente", "ügyfél", "ügyfélkód",
            // a customer's name in a contact or event sheet: names are looked up among the customers
            "customer name", "company name", "客户名称", "客戶名稱", "nombre del cliente", "ügyfél neve",
        ],
        "at": [
            "date", "time", "datetime", "activity date", "due date", "when", "时间", "日期", "联系时间", "联系日期", "拜访时间",
            "時間", "聯絡時間", "聯絡日期", "拜訪時間", "fecha", "fecha y hora", "időpont", "dátum",
        ],
        "method": [
            "method", "type", "activity type", "channel", "方式", "联系方式", "方法", "聯絡方式", "medio", "método",
            "tipo", "tipo de contacto", "canal", "mód", "kapcsolat módja", "csatorna", "típus",
        ],
        "progress": ["progress", "进度", "進度", "avance", "progreso", "előrehaladás", "haladás"],
        "outcome": ["outcome", "result", "结果", "結果", "resultado", "eredmény"],
        "note": [
            "note", "notes", "summary", "comment", "comments", "body", "备注", "内容", "备注内容", "備註", "內容", "說明",
            "nota", "notas", "observaciones", "comentario", "comentarios", "megjegyzés", "leírás",
        ],
        "date": ["date", "day", "日期", "fecha", "día", "dátum", "nap"],
        "check_in": [
            "check in", "check-in time", "arrival", "签到", "签到时间", "上班时间", "打卡时间", "簽到", "簽到時間", "打卡時間",
            "entrada", "hora de entrada", "llegada", "érkezés", "érkezés ideje", "bejelentkezés",
        ],
        "absent": ["absent", "缺勤", "旷工", "缺席", "曠工", "ausente", "falta", "hiányzott", "távollét", "hiányzás"],
        "excused": ["excused", "leave", "请假", "請假", "justificado", "justificada", "igazolt"],
        "event": ["event", "violation", "事件", "违规", "违规事项", "違規", "違規事項", "evento", "incidencia", "esemény", "szabálysértés"],
        "manager": ["manager", "supervisor", "主管", "经理", "上级", "經理", "上級", "gerente", "jefe", "vezető", "felettes"],
        "email": ["email", "e-mail", "email address", "邮箱", "电子邮件", "郵箱", "電子郵件", "correo", "correo electrónico", "e-mail cím"],
        "mailbox": ["mailbox", "邮箱用户", "buzón", "postafiók"],
        "webhook": ["webhook"],
        "locale": ["locale", "language", "语言", "語言", "idioma", "nyelv"],
        "team": ["team", "group", "团队", "小组", "組別", "團隊", "equipo", "grupo", "csapat"],
        "kind": ["kind", "form", "类型", "類型", "tipo", "típus"],
        "filed_at": ["filed at", "submitted", "提交时间", "提交時間", "fecha de entrega", "entregado", "beadva"],
        "approved_at": ["approved at", "审批时间", "審批時間", "aprobado", "fecha de aprobación", "jóváhagyva"],
        "approved_by": ["approved by", "approver", "审批人", "審批人", "aprobado por", "jóváhagyó"],
    ]
}
