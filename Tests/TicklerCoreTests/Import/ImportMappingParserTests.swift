import Testing
import TicklerCore

@Suite("import: mapping files")
struct ImportMappingParserTests {
    static let fields = ["id", "name", "rep", "class", "status", "phone"]

    @Test("a mapping file is read: columns, values, defaults and settings")
    func reads() throws {
        let mapping = try ImportMappingParser.parse(
            """
            collection: customers
            encoding: gb18030
            separator: ";"
            date_format: dmy
            decimal: ","
            columns:
              客户全称: name
              内部备注: ignore
              微信号:
              全称: [name, id]
            values:
              class: { VIP: A, 普通: C }
            defaults: { rep: R01 }
            """, file: "m.yaml", collection: "customers", fields: Self.fields)
        #expect(mapping.encoding == "gb18030")
        #expect(mapping.separator == ";")
        #expect(mapping.dateOrder == .dmy)
        #expect(mapping.decimalComma == true)
        #expect(mapping.columns["客户全称"] == ["name"])
        #expect(mapping.columns["内部备注"] == [])
        #expect(mapping.columns["微信号"] == [])
        #expect(mapping.columns["全称"] == ["name", "id"])
        #expect(mapping.values["class"]?["VIP"] == "A")
        #expect(mapping.defaults["rep"] == "R01")
    }

    @Test("every mistake at FILE:LINE:COLUMN with a did-you-mean, all in one run")
    func mistakes() {
        do {
            _ = try ImportMappingParser.parse(
                """
                collection: contacts
                colums: {}
                columns:
                  客户全称: phon
                values:
                  clas: { VIP: A }
                date_format: ymd
                """, file: "m.yaml", collection: "customers", fields: Self.fields)
            Issue.record("expected problems")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("m.yaml:1:13: this mapping is for 'contacts'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:2:1: ") && $0.contains("did you mean 'columns'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:4:9: ") && $0.contains("did you mean 'phone'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:6:3: ") && $0.contains("did you mean 'class'") })
            #expect(lines.contains { $0.hasPrefix("m.yaml:7:14: ") })
        }
    }

    @Test("a keyboard typo (full-width colon) is named, and the rest of the file is still checked")
    func typo() {
        do {
            _ = try ImportMappingParser.parse("columns：\n  a: phon\n", file: "m.yaml", collection: "customers", fields: Self.fields)
            Issue.record("expected problems")
        } catch {
            #expect(error.diagnostics.contains { $0.location.line == 1 })
            #expect(error.diagnostics.contains { $0.location.line == 2 && $0.message.contains("did you mean 'phone'") })
        }
    }
}
