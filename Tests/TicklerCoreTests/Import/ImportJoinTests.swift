import Testing
import TicklerCore

@Suite("import: joining columns into one field (First Name + Last Name, 姓 + 名)")
struct ImportJoinTests {
    static let fields = ["id", "name", "rep", "class", "status", "phone"]

    func parse(_ text: String) throws(DiagnosticsError) -> ImportMapping {
        try ImportMappingParser.parse(text, file: "m.yaml", collection: "customers", fields: Self.fields)
    }

    func read(_ mapping: ImportMapping, _ cells: [[String]]) -> ImportTable.Result {
        ImportTable(file: "sheet.csv", collection: "customers", fields: Self.fields, required: ["id", "name", "rep", "class"], mapping: mapping, decimalComma: nil)
            .read(cells.enumerated().map { SheetRow(number: $0.offset + 1, cells: $0.element) })
    }

    @Test("the full form and the list form are read, with the separator")
    func parses() throws {
        let mapping = try parse(
            """
            join:
              name: { columns: [姓, 名], with: "" }
              phone: [Area, Number]
            """)
        #expect(mapping.joins["name"]?.headers == ["姓", "名"])
        #expect(mapping.joins["name"]?.separator == "")
        #expect(mapping.joins["phone"]?.separator == " ")
        #expect(mapping.joins["name"]?.locations.first??.description == "m.yaml:2:21")
    }

    @Test("mistakes in a join at FILE:LINE:COLUMN with a did-you-mean, all in one run")
    func mistakes() {
        do {
            _ = try parse(
                """
                jon: {}
                join:
                  nme: [First Name, Last Name]
                  name: { colums: [a, b] }
                  phone: [Number]
                  rep: { columns: Owner }
                  class: [Tier, Tier]
                """)
            Issue.record("expected problems")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("m.yaml:1:1: ") && $0.contains("did you mean 'join'") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("m.yaml:3:3: ") && $0.contains("did you mean 'name'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:4:11: ") && $0.contains("did you mean 'columns'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:5:10: the join of 'phone' needs two or more columns") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:6:19: the columns of the join of 'rep' must be a list") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:7:17: the column 'Tier' is already in the join of 'class'") })
        }
    }

    @Test("First Name + Last Name and 姓 + 名 become one name; an empty part leaves no stray space")
    func joins() throws {
        let english = read(
            ImportMapping(joins: ["name": ImportJoin(headers: ["First Name", "Last Name"])]),
            [["Record ID", "First Name", "Last Name", "Contact owner", "class"], ["1", " Ana ", "Morales", "R01", "A"], ["2", "", "Szabó", "R01", "A"]])
        #expect(english.problems.isEmpty, "\(english.problems)")
        #expect(english.rows.map { $0.value("name") } == [.text("Ana Morales"), .text("Szabó")])
        #expect(english.rows.first?.columns["name"]?.header == "First Name + Last Name")
        let chinese = read(
            ImportMapping(joins: ["name": ImportJoin(headers: ["姓", "名"], separator: "")]),
            [["编号", "姓", "名", "业务员", "等级"], ["1", "王", "小明", "R01", "A"], ["2", "", "", "R01", "A"]])
        #expect(chinese.rows.map { $0.value("name") } == [.text("王小明")])
        #expect(chinese.problems.map(\.description) == ["sheet.csv:3:2 (姓 + 名): the cell is empty, and 'name' is required; fill it in or give a default in a mapping file (defaults: {name: VALUE})"])
    }

    @Test("a joined column the sheet lacks is reported at the mapping file with the nearest header; a column giving the same field clashes")
    func sheetMistakes() throws {
        let mapping = try parse("join:\n  name: [First Name, Lst Name]\n")
        let missing = read(mapping, [["id", "First Name", "Last Name", "rep", "class"], ["1", "a", "b", "R01", "A"]])
        #expect(missing.headerFailed)
        #expect(missing.problems.map(\.description).contains { $0.hasPrefix("m.yaml:2:22: the join of 'name' names the column 'Lst Name', which the header row (row 1 of sheet.csv) does not have; did you mean 'Last Name'?") }, "\(missing.problems)")
        let clash = read(
            ImportMapping(joins: ["name": ImportJoin(headers: ["First Name", "Last Name"])]),
            [["id", "First Name", "Last Name", "Company Name", "rep", "class"], ["1", "a", "b", "c", "R01", "A"]])
        #expect(clash.problems.map(\.description).contains { $0.hasPrefix("sheet.csv:1:4 (Company Name): this column and column 2 (First Name + Last Name) both give 'name'") })
    }
}
