import Foundation
import Testing
import TicklerCore
import TicklerImport

@Suite("import: sheets as LibreOffice saves them, in each encoding and separator")
struct SheetFileTests {
    /// The cells of the UTF-8 source the fixture was made from.
    func sourceCells(_ name: String) throws -> [[String]] {
        let text = try String(contentsOfFile: try ImportScratch.fixture("source/" + name), encoding: .utf8)
        return try CSVSheet.rows(text, separator: ",").map(\.cells)
    }

    @Test(
        "each encoding is detected and reads to the same cells as the source",
        arguments: [
            ("customers-zh-gb18030.csv", "customers-zh.csv", SheetEncoding.gb18030, Character(",")),
            ("customers-es-1252.csv", "customers-es.csv", .windows1252, ";"),
            ("customers-hu-1250.csv", "customers-hu.csv", .windows1250, ";"),
            ("contacts-zh-utf16.txt", "contacts-zh.csv", .utf16le, "\t"),
            ("customers-es-utf8-bom.csv", "customers-es.csv", .utf8, ","),
        ])
    func encodings(_ fixture: String, _ source: String, _ encoding: SheetEncoding, _ separator: Character) throws {
        let sheet = try SheetFile.read(path: try ImportScratch.fixture(fixture), encoding: nil, separator: nil, sheet: nil)
        #expect(sheet.encoding == encoding)
        #expect(sheet.separator == separator)
        #expect(sheet.rows.map(\.cells) == (try sourceCells(source)))
    }

    @Test("a named encoding overrides detection; a wrong one is an error with the line")
    func namedEncoding() throws {
        let path = try ImportScratch.fixture("customers-hu-1250.csv")
        let sheet = try SheetFile.read(path: path, encoding: "windows-1250", separator: nil, sheet: nil)
        #expect(sheet.rows[1].cells[1] == "Kovács Győző")
        #expect(throws: SheetError.self) { try SheetFile.read(path: path, encoding: "utf-8", separator: nil, sheet: nil) }
        #expect(throws: SheetError.self) { try SheetFile.read(path: path, encoding: "ebcdic", separator: nil, sheet: nil) }
    }

    @Test("an XLSX from LibreOffice: shared strings, a line break in a cell, date cells as dates, numbers without .0")
    func xlsx() throws {
        let sheet = try SheetFile.read(path: try ImportScratch.fixture("customers-zh.xlsx"), encoding: nil, separator: nil, sheet: nil)
        #expect(sheet.rows.count == 4)
        #expect(sheet.rows[0].cells.first == "客户编号")
        #expect(sheet.rows[1].cells == ["C101", "上海华光贸易有限公司", "R01", "A", "021-62345678", "2026-11-02", "1250000.5", "意向"])
        #expect(sheet.rows[3].cells[1] == "苏州园林\n设计院")
        #expect(sheet.rows[3].cells[6] == "")
        #expect(throws: SheetError.self) {
            try SheetFile.read(path: try ImportScratch.fixture("customers-zh.xlsx"), encoding: nil, separator: nil, sheet: "Sheet9")
        }
    }

    @Test("hand-made CSV: quoted line breaks and quotes, CR LF, empty rows, ragged rows, ; and tab")
    func handMade() throws {
        let rows = try CSVSheet.rows("a;b;c\r\n1;\"x\r\ny \"\"q\"\"\";3\r\n\r\n;;\r\n2;z\r\n", separator: nil)
        #expect(rows.map(\.cells) == [["a", "b", "c"], ["1", "x\r\ny \"q\"", "3"], [""], ["", "", ""], ["2", "z"]])
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows[2].isBlank && rows[3].isBlank)
        #expect(CSVSheet.guessSeparator("a\tb\tc\n") == "\t")
        #expect(CSVSheet.guessSeparator("\"a,b\";c;d\n") == ";")
        #expect(CSVSheet.guessSeparator("single\n") == ",")
    }

    @Test("an old .xls or a broken .xlsx is refused with what to do")
    func refused() throws {
        let scratch = try ImportScratch(exampleStore: false)
        defer { scratch.remove() }
        let xls = try scratch.write("old.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        #expect(throws: SheetError.self) { try SheetFile.read(path: xls, encoding: nil, separator: nil, sheet: nil) }
        let broken = try scratch.write("broken.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0])
        #expect(throws: SheetError.self) { try SheetFile.read(path: broken, encoding: nil, separator: nil, sheet: nil) }
    }
}

@Suite("import: XLSX written by hand")
struct HandWrittenXLSXTests {
    @Test("inline strings, rich text, the 1904 date system, a time cell from a formula, booleans, a gap, a sheet by name")
    func edges() throws {
        let path = try ImportScratch.fixture("edge-inline-1904.xlsx")
        let sheet = try SheetFile.read(path: path, encoding: nil, separator: nil, sheet: "Asistencia")
        #expect(sheet.rows.map(\.cells) == [
            ["rep", "date", "check_in", "absent", "excused"],
            ["R01", "2026-11-24", "08:30"],
            ["R02", "2026-11-24", "", "TRUE", "FALSE"],
        ])
        let first = try SheetFile.read(path: path, encoding: nil, separator: nil, sheet: nil)
        #expect(first.rows.map(\.cells) == [["notes"]])
    }
}
