import Foundation
import Testing
import TicklerCore
import TicklerImport
import TicklerStore

/// A CSV cell whose quote never closes: yaslab/CSV.swift reads the rest of the file into it
/// without an error, so the import must find it itself and write nothing.
@Suite("import: an unclosed quote in a CSV is reported at its cell, and nothing is written")
struct UnclosedQuoteTests {
    static let zone = Zone(TimeZone(identifier: "Asia/Shanghai")!)

    func run(_ sheet: String, _ scratch: ImportScratch, skipBad: Bool = false) throws -> StoreImport.Report {
        var job = StoreImport(collection: .customers, sheetPath: sheet, store: scratch.store, zone: Self.zone, classes: ["A", "B", "C"])
        job.skipBad = skipBad
        return try job.run()
    }

    @Test("the quote's row, column and header; the rows before it are still checked; nothing written, even with --skip-bad")
    func reported() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let sheet = try scratch.write(
            "c.csv",
            "id,name,rep,class,phone\nN1,甲,R01,A,1\nN3,,R01,A,3\nN2,\"乙 \"\"Star\" Co,R01,A,2\nN4,\"丁,R01,A,4\nN5,戊,R01,A,5\nN6,己,R01,A,6\n")
        let before = scratch.bytes("customers.json")
        for skipBad in [false, true] {
            let report = try run(sheet, scratch, skipBad: skipBad)
            let lines = report.problems.map(\.description)
            #expect(lines.contains { $0.hasPrefix("\(sheet):4:2 (name): unclosed quote that starts here") }, "\(lines)")
            #expect(lines.contains { $0.contains("lines 4-7") })
            #expect(lines.contains { $0.hasPrefix("\(sheet):3:2 (name): the cell is empty") })
            #expect(!report.wrote)
            #expect(report.hasErrors)
            #expect(scratch.bytes("customers.json") == before)
        }
    }

    @Test("closed quotes, doubled quotes, quoted separators and line breaks are not an unclosed quote")
    func wellFormed() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let sheet = try scratch.write(
            "c.csv", "id,name,rep,class,phone\r\nN1,\"甲, \"\"Ltd\"\"\",R01,A,1\r\nN2,\"乙\r\nline two\",R01,A,2\r\nN3,12\" pipe,R01,A,\"3\"")
        let report = try run(sheet, scratch)
        #expect(report.problems.filter(\.isError).isEmpty, "\(report.problems)")
        #expect(report.plan?.added == 3)
        #expect(try StoreLoader(directory: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).load().snapshot.customer("N1")?.name == "甲, \"Ltd\"")
    }

    @Test("the check follows the reader's rules: where a quote closes a cell, and where it does not")
    func places() {
        #expect(CSVQuoteCheck.unclosed("a,b\n\"x\ny,z\n", separator: ",") == .init(row: 2, column: 1, line: 2, lastLine: 3))
        #expect(CSVQuoteCheck.unclosed("a;b\nc;\"d\" e;f\n", separator: ";")?.column == 2)
        #expect(CSVQuoteCheck.unclosed("a\tb\n\"c\"\t\"d\"\"\"\n", separator: "\t") == nil)
        #expect(CSVQuoteCheck.unclosed("a,b\r\n\"c\r\nd\",e\r\n", separator: ",") == nil)
        #expect(CSVQuoteCheck.unclosed("a,b\nx\"y,z\n", separator: ",") == nil)
    }
}
