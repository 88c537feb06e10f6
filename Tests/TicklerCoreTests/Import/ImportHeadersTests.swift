import Testing
import TicklerCore

@Suite("import: headers in the seeds' languages")
struct ImportHeadersTests {
    static let customers = ["id", "name", "rep", "class", "status", "phone", "registered_at", "next_contact", "birthday", "expected_amount", "close_date", "probability", "household", "founded"]
    static let contacts = ["customer", "rep", "at", "method", "progress", "outcome", "note"]

    @Test(
        "customer headers",
        arguments: [
            ("客户名称", "name"), ("客戶名稱", "name"), ("Nombre", "name"), ("Ügyfél neve", "name"), ("Name", "name"),
            ("电话", "phone"), ("電話", "phone"), ("Teléfono", "phone"), ("TELEFONO", "phone"), ("Telefonszám", "phone"),
            ("客户等级", "class"), ("Categoría", "class"), ("Kategória", "class"), ("业务员", "rep"), ("Vendedor", "rep"),
            ("Üzletkötő", "rep"), ("Contact owner", "rep"), ("客户编号", "id"), ("Código", "id"), ("Azonosító", "id"),
            ("登记日期", "registered_at"), ("Fecha de alta", "registered_at"), ("Create Date", "registered_at"),
            ("预计金额", "expected_amount"), ("Importe esperado", "expected_amount"), ("registered_at", "registered_at"),
            ("  电话： ", "phone"), ("*客户名称", "name"),
        ])
    func customerHeaders(_ header: String, _ field: String) {
        #expect(ImportHeaders.field(for: header, among: Self.customers) == field)
    }

    @Test(
        "the same word names the field the collection has: 客户 is a customer's name in customers, the customer in contacts",
        arguments: [("客户", "customer"), ("Cliente", "customer"), ("客户名称", "customer"), ("Nombre del cliente", "customer"), ("Fecha", "at"), ("联系方式", "method"), ("备注", "note"), ("Ügyfél", "customer")])
    func contactHeaders(_ header: String, _ field: String) {
        #expect(ImportHeaders.field(for: header, among: Self.contacts) == field)
        #expect(ImportHeaders.field(for: "客户", among: Self.customers) == "name")
    }

    @Test("an unknown header names no field")
    func unknown() {
        #expect(ImportHeaders.field(for: "内部备注X", among: Self.customers) == nil)
        #expect(ImportHeaders.field(for: "", among: Self.customers) == nil)
    }

    @Test("method and status words in the seeds' languages")
    func words() {
        #expect(ImportWords.choice("电话", among: ["phone", "wechat", "visit", "email", "other"]) == "phone")
        #expect(ImportWords.choice("Llamada", among: ["phone", "wechat", "visit", "email", "other"]) == "phone")
        #expect(ImportWords.choice("látogatás", among: ["phone", "wechat", "visit", "email", "other"]) == "visit")
        #expect(ImportWords.choice("意向", among: ["lead", "prospect", "customer", "dead"]) == "prospect")
        #expect(ImportWords.choice("Phone", among: ["phone", "wechat"]) == "phone")
        #expect(ImportWords.choice("fax", among: ["phone", "wechat"]) == nil)
        #expect(ImportWords.bool("是") == true)
        #expect(ImportWords.bool("nem") == false)
        #expect(ImportWords.bool("maybe") == nil)
    }
}
