import Testing
import TicklerCore

@Suite("import: rows to store fields, with every bad cell at FILE:ROW:COLUMN (header)")
struct ImportTableTests {
    static let fields = ["id", "name", "rep", "class", "status", "phone", "registered_at", "next_contact", "birthday", "expected_amount", "close_date", "probability", "household", "founded"]

    func table(_ mapping: ImportMapping = ImportMapping(), decimalComma: Bool? = nil) -> ImportTable {
        ImportTable(file: "sheet.csv", collection: "customers", fields: Self.fields, required: ["id", "name", "rep", "class"], mapping: mapping, decimalComma: decimalComma)
    }

    func rows(_ cells: [[String]]) -> [SheetRow] {
        cells.enumerated().map { SheetRow(number: $0.offset + 1, cells: $0.element) }
    }

    @Test("Chinese headers map to fields; dates, amounts and statuses are read; empty rows are skipped")
    func chineseSheet() throws {
        let result = table().read(rows([
            ["客户编号", "客户名称", "业务员", "客户等级", "电话", "登记日期", "预计金额", "状态"],
            ["C101", "上海华光", "R01", "A", "021-62345678", "2026/11/02", "1,250,000.50", "意向"],
            ["", "", "", "", "", "", "", ""],
            ["C102", "杭州明德", "R01", "B", "", "2026年10月15日", "", ""],
        ]))
        #expect(result.problems.isEmpty)
        #expect(result.headerRow == 1)
        #expect(result.rows.map(\.row) == [2, 4])
        let first = try #require(result.rows.first)
        #expect(first.value("registered_at") == .text("2026-11-02"))
        #expect(first.value("expected_amount") == .number("1250000.50"))
        #expect(first.value("status") == .text("prospect"))
        #expect(result.rows[1].value("phone") == nil)
    }

    @Test("every bad cell of every row is reported with its row, column and header; the good rows still come")
    func badCells() {
        let result = table().read(rows([
            ["Código", "Nombre", "Vendedor", "Categoría", "Fecha de alta", "Importe esperado", "Estado"],
            ["E1", "Muñoz", "R01", "A", "31/02/2026", "12x", "ganado"],
            ["E2", "", "R01", "B", "01/02/2026", "5", "perdido"],
            ["E3", "Peña", "R02", "C", "24/11/2026", "1.234,50", "raro"],
            ["E4", "Núñez", "R02", "C", "24/11/2026", "", ""],
        ]))
        let lines = result.problems.map(\.description)
        #expect(lines.contains { $0.hasPrefix("sheet.csv:2:5 (Fecha de alta): '31/02/2026' is not a date") })
        #expect(lines.contains { $0.hasPrefix("sheet.csv:2:6 (Importe esperado): '12x' is not a number") })
        #expect(lines.contains { $0.hasPrefix("sheet.csv:3:2 (Nombre): the cell is empty, and 'name' is required") })
        #expect(lines.contains { $0.hasPrefix("sheet.csv:4:7 (Estado): 'raro' is not a 'status' value") })
        #expect(result.badRows == [2, 3, 4])
        #expect(result.rows.map(\.row) == [5])
    }

    @Test("a required field without a column is one error at the header row, naming the headers")
    func missingColumn() {
        let result = table().read(rows([["客户编号", "客户名称", "客户等级"], ["C1", "x", "A"]]))
        #expect(result.rows.isEmpty)
        #expect(result.problems.count == 1)
        #expect(result.problems[0].description.hasPrefix("sheet.csv:1: no column gives the required field 'rep'"))
    }

    @Test("unknown columns are a warning; the mapping file's columns, values and defaults apply")
    func mapping() {
        let mapping = ImportMapping(columns: ["全称": ["name"], "内部备注": []], values: ["class": ["VIP": "A", "普通": "C"]], defaults: ["rep": "R09"])
        let result = table(mapping).read(rows([["编号", "全称", "等级", "内部备注", "微信号"], ["C1", "甲", "VIP", "x", "y"], ["C2", "乙", "普通", "", ""]]))
        #expect(result.problems.map(\.severity) == [.warning])
        #expect(result.problems[0].message.contains("微信号"))
        #expect(!result.problems[0].message.contains("内部备注"))
        #expect(result.rows.map { $0.value("class") } == [.text("A"), .text("C")])
        #expect(result.rows.map { $0.value("rep") } == [.text("R09"), .text("R09")])
    }

    @Test("day-first dates: the column's 24/11/2026 settles 03/04/2026; a column with no such cell asks for --date-format")
    func dateOrder() {
        let settled = table().read(rows([["id", "name", "rep", "class", "birthday"], ["1", "a", "R", "A", "03/04/1980"], ["2", "b", "R", "A", "24/11/1981"]]))
        #expect(settled.rows.first?.value("birthday") == .text("1980-04-03"))
        let open = table().read(rows([["id", "name", "rep", "class", "birthday"], ["1", "a", "R", "A", "03/04/1980"]]))
        #expect(open.problems.first?.message.contains("--date-format") == true)
        let given = table(ImportMapping(dateOrder: .mdy)).read(rows([["id", "name", "rep", "class", "birthday"], ["1", "a", "R", "A", "03/04/1980"]]))
        #expect(given.rows.first?.value("birthday") == .text("1980-03-04"))
    }

    @Test("a comma-separated file with Spanish amounts: the column's 1.234,50 settles that 12.000 is twelve thousand")
    func decimalFromColumn() {
        let sheet = rows([["id", "name", "rep", "class", "expected_amount"], ["1", "a", "R", "A", "1.234,50"], ["2", "b", "R", "A", "12.000"]])
        #expect(table().read(sheet).rows.map { $0.value("expected_amount") } == [.number("1234.50"), .number("12000")])
        #expect(table(decimalComma: false).read(sheet).rows.map { $0.value("expected_amount") } == [.number("1234.50"), .number("12.000")])
    }

    @Test("the header row is the first non-empty one (a title row above it is allowed with header_row)")
    func headerRow() {
        let result = table(ImportMapping(headerRow: 3)).read(rows([["客户表 2026"], [], ["id", "name", "rep", "class"], ["1", "a", "R", "A"]]))
        #expect(result.headerRow == 3)
        #expect(result.rows.map(\.row) == [4])
    }
}
