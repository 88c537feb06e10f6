import Foundation
import Testing
import TicklerCore
import TicklerImport
import TicklerStore

/// A row with a bad cell still gets the store's own checks, so one run reports all its problems.
@Suite("import: a row with a bad cell is also checked for an unknown class, rep or customer")
struct BadRowChecksTests {
    static let zone = Zone(TimeZone(identifier: "Asia/Shanghai")!)

    func run(_ collection: StoreCollection, _ sheet: String, _ scratch: ImportScratch) throws -> [String] {
        let job = StoreImport(collection: collection, sheetPath: sheet, store: scratch.store, zone: Self.zone, classes: ["A", "B", "C"])
        let report = try job.run()
        #expect(!report.wrote)
        return report.problems.map(\.description)
    }

    @Test("customers: a bad date with an unknown class, with a rep not in the store; an empty name with a bad rep")
    func customers() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let before = scratch.bytes("customers.json")
        let sheet = try scratch.write(
            "c.csv",
            "客户编号,客户名称,业务员,客户等级,登记日期\nN1,甲,R01,Z,2026/13/02\nN2,乙,R77,A,2026/14/02\nN3,,R78,B,2026/11/02\nC001,丁,R79,A,2026/15/02\n")
        let lines = try run(.customers, sheet, scratch)
        #expect(lines.contains { $0.hasPrefix("\(sheet):2:5 (登记日期): '2026/13/02' is not a date") })
        #expect(lines.contains { $0.hasPrefix("\(sheet):2:4 (客户等级): unknown class 'Z'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(sheet):3:5 (登记日期): '2026/14/02' is not a date") })
        #expect(lines.contains { $0.hasPrefix("\(sheet):3:3 (业务员): customer skipped: rep 'R77' is not in the store's reps") })
        #expect(lines.contains { $0.hasPrefix("\(sheet):4:2 (客户名称): the cell is empty") })
        #expect(lines.contains { $0.hasPrefix("\(sheet):4:3 (业务员): customer skipped: rep 'R78'") })
        // C001 is in the store: the row would change it, and its rep is still checked.
        #expect(lines.contains { $0.hasPrefix("\(sheet):5:3 (业务员): customer skipped: rep 'R79'") }, "\(lines)")
        #expect(lines.count == 8, "\(lines)")
        #expect(!lines.contains { $0.contains("\u{FFFC}") || $0.contains("1800-") })
        #expect(scratch.bytes("customers.json") == before)
    }

    @Test("contacts: a bad time with a customer not in the store; a bad method with a good row beside")
    func contacts() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let before = scratch.bytes("contacts.jsonl")
        let sheet = try scratch.write(
            "k.csv", "customer,rep,at,method\nC999,R01,2026-13-01 10:00,phone\nC001,R01,2026-11-25 10:00,fax\nC001,R01,2026-11-26 10:00,phone\n")
        let lines = try run(.contacts, sheet, scratch)
        #expect(lines.contains { $0.hasPrefix("\(sheet):2:3 (at): '2026-13-01 10:00' is not a date") })
        #expect(lines.contains { $0.hasPrefix("\(sheet):2:1 (customer): contact skipped: customer 'C999' is not in the store's customers") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(sheet):3:4 (method): 'fax' is not a 'method' value") })
        #expect(lines.count == 3, "\(lines)")
        #expect(scratch.bytes("contacts.jsonl") == before)
    }
}
