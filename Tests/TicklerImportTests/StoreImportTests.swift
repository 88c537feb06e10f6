import Foundation
import Testing
import TicklerCore
import TicklerImport
import TicklerStore

@Suite("tickler import into a store: upserts, appends, idempotence, nothing written on a bad row")
struct StoreImportTests {
    static let zone = Zone(TimeZone(identifier: "Asia/Shanghai")!)

    func job(_ collection: StoreCollection, _ sheet: String, _ scratch: ImportScratch, mapping: ImportMapping = ImportMapping()) -> StoreImport {
        StoreImport(collection: collection, sheetPath: sheet, store: scratch.store, mapping: mapping, zone: Self.zone, classes: ["A", "B", "C"])
    }

    /// The store as the daemon would load it: no diagnostics of any kind beyond the example's own.
    func load(_ scratch: ImportScratch) throws -> StoreLoad {
        try StoreLoader(directory: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).load()
    }

    @Test(
        "customers from each office's file are added, then unchanged on a second import",
        arguments: ["customers-zh-gb18030.csv", "customers-es-1252.csv", "customers-hu-1250.csv", "customers-es-utf8-bom.csv", "customers-zh.xlsx"])
    func customersTwice(_ fixture: String) throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let before = try load(scratch)
        let first = try job(.customers, try ImportScratch.fixture(fixture), scratch).run()
        #expect(first.problems.filter(\.isError).isEmpty, "\(first.problems)")
        #expect(first.wrote)
        let added = try #require(first.plan).added
        #expect(added >= 2)
        let after = try load(scratch)
        #expect(after.snapshot.customers.count == before.snapshot.customers.count + added)
        #expect(after.diagnostics.count == before.diagnostics.count)
        let bytes = scratch.bytes("customers.json")
        let second = try job(.customers, try ImportScratch.fixture(fixture), scratch).run()
        #expect(second.plan?.unchanged == added)
        #expect(second.plan?.added == 0)
        #expect(!second.wrote)
        #expect(scratch.bytes("customers.json") == bytes)
    }

    @Test("the Spanish sheet's amounts, day-first dates and accents land in the store as typed values")
    func spanishValues() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        _ = try job(.customers, try ImportScratch.fixture("customers-es-1252.csv"), scratch).run()
        let snapshot = try load(scratch).snapshot
        let e201 = try #require(snapshot.customer("E201"))
        #expect(e201.name == "Muñoz y Cía.")
        #expect(e201.expectedAmount == Decimal(string: "1234.50"))
        #expect(e201.registeredAt == Self.zone.instant(LocalDate(year: 2026, month: 11, day: 24)!))
        #expect(snapshot.customer("E202")?.expectedAmount == 12000)
        #expect(snapshot.customer("E203")?.registeredAt == Self.zone.instant(LocalDate(year: 2026, month: 4, day: 15)!))
    }

    @Test("a changed cell upserts the customer: reported with the fields, other fields and records kept byte for byte")
    func upsert() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let original = try scratch.read("customers.json")
        let sheet = try scratch.write("c.csv", "id,name,rep,class,phone\nC001,上海恒信贸易有限公司,R01,B,+86 21 5555 0101\n")
        let report = try job(.customers, sheet, scratch).run()
        #expect(report.plan?.changed == 1)
        #expect(report.plan?.rows.first?.outcome == .changed(["class"]))
        let text = try scratch.read("customers.json")
        #expect(text.contains(#""class":"B""#))
        #expect(text.contains(#""founded":"2008-11-28""#))
        let c002 = try #require(original.range(of: #"    "id": "C002""#))
        #expect(text.contains(original[c002.lowerBound...].prefix(200)))
        #expect(try load(scratch).snapshot.customer("C001")?.class == "B")
    }

    @Test("one bad row: every problem reported, nothing written; --skip-bad writes the good rows")
    func badRow() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let sheet = try scratch.write(
            "c.csv", "客户编号,客户名称,业务员,客户等级,登记日期\nN1,甲,R01,A,2026/11/02\nN2,乙,R77,A,2026/11/02\nN3,丙,R01,Z,2026/13/02\n")
        let before = scratch.bytes("customers.json")
        let report = try job(.customers, sheet, scratch).run()
        let lines = report.problems.map(\.description)
        #expect(lines.contains { $0.hasPrefix("\(sheet):3:3 (业务员): customer skipped: rep 'R77' is not in the store's reps") })
        #expect(lines.contains { $0.hasPrefix("\(sheet):4:5 (登记日期): '2026/13/02' is not a date") })
        #expect(!report.wrote)
        #expect(scratch.bytes("customers.json") == before)
        var skipping = job(.customers, sheet, scratch)
        skipping.skipBad = true
        let skipped = try skipping.run()
        #expect(skipped.wrote)
        #expect(skipped.plan?.added == 1)
        let snapshot = try load(scratch).snapshot
        #expect(snapshot.customer("N1") != nil && snapshot.customer("N2") == nil && snapshot.customer("N3") == nil)
    }

    @Test("an unknown class is reported at the class column")
    func unknownClass() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let sheet = try scratch.write("c.csv", "id,name,rep,class\nN1,x,R01,D\n")
        let report = try job(.customers, sheet, scratch).run()
        #expect(report.problems.map(\.description).contains { $0.hasPrefix("\(sheet):2:4 (class): unknown class 'D'") })
    }

    @Test("--dry-run reports the plan and writes nothing")
    func dryRun() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.store).sorted()
        var dry = job(.customers, try ImportScratch.fixture("customers-zh.xlsx"), scratch)
        dry.dryRun = true
        let report = try dry.run()
        #expect(report.plan?.added == 3)
        #expect(!report.wrote)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.store).sorted() == before)
    }

    @Test("contacts from Excel's Unicode text are appended as lines; a second import appends nothing")
    func contactsTwice() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let lines = try scratch.read("contacts.jsonl").split(separator: "\n").count
        let first = try job(.contacts, try ImportScratch.fixture("contacts-zh-utf16.txt"), scratch).run()
        #expect(first.problems.filter(\.isError).isEmpty, "\(first.problems)")
        #expect(first.plan?.added == 3)
        let text = try scratch.read("contacts.jsonl")
        #expect(text.split(separator: "\n").count == lines + 3)
        #expect(text.contains(#"{"customer":"C001","rep":"R01","at":"2026-11-20T09:30:00","method":"phone","note":"约好下周拜访\n带样品"}"#))
        let second = try job(.contacts, try ImportScratch.fixture("contacts-zh.xlsx"), scratch).run()
        #expect(second.plan?.alreadyThere == 3, "\(second.problems)")
        #expect(!second.wrote)
        #expect(try scratch.read("contacts.jsonl") == text)
    }

    @Test("an append after a torn last line starts on its own line; the torn line stays one bad line")
    func tornTail() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.store + "/contacts.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"customer":"C001","rep":"#.utf8))
        try handle.close()
        let sheet = try scratch.write("c.csv", "customer,rep,at,method\nC002,R01,2026-11-23 10:00,phone\n")
        let report = try job(.contacts, sheet, scratch).run()
        #expect(report.wrote)
        let text = try scratch.read("contacts.jsonl")
        #expect(text.hasSuffix("{\"customer\":\"C001\",\"rep\":\n{\"customer\":\"C002\",\"rep\":\"R01\",\"at\":\"2026-11-23T10:00:00\",\"method\":\"phone\"}\n"))
    }

    @Test("a new collection file is created: customers as a .json array, events as .jsonl")
    func newFiles() throws {
        let scratch = try ImportScratch(exampleStore: false)
        defer { scratch.remove() }
        let reps = try scratch.write("reps.csv", "编号,姓名,主管\nM1,王经理,\nR1,李四,M1\n")
        #expect(try job(.reps, reps, scratch).run().wrote)
        let customers = try scratch.write("c.csv", "id,name,rep,class\nC1,甲,R1,A\n")
        #expect(try job(.customers, customers, scratch).run().wrote)
        let events = try scratch.write("e.csv", "业务员,时间,事件\nR1,2026-11-24 08:40,late_greeting\n")
        #expect(try job(.events, events, scratch).run().wrote)
        #expect(FileManager.default.fileExists(atPath: scratch.store + "/reps.json"))
        #expect(FileManager.default.fileExists(atPath: scratch.store + "/events.jsonl"))
        let load = try load(scratch)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        #expect(load.snapshot.rep("R1")?.manager == "M1")
        #expect(load.snapshot.events.count == 1)
    }

    @Test("hand-made edge cases: serial dates, thousands separators, an empty row, a quoted line break, ; separator")
    func edgeCases() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let sheet = try scratch.write(
            "c.csv",
            "Código;Nombre;Vendedor;Categoría;Fecha de alta;Importe esperado;Probabilidad\n"
                + "X1;\"Línea uno\nLínea dos\";R01;A;46350;1.234.567,89;60%\n;;;;;;\n"
                + "X2;Dos;R02;B;46350,5;\"2.500\";\n")
        let report = try job(.customers, sheet, scratch).run()
        #expect(report.problems.filter(\.isError).isEmpty, "\(report.problems)")
        let snapshot = try load(scratch).snapshot
        #expect(snapshot.customer("X1")?.name == "Línea uno\nLínea dos")
        #expect(snapshot.customer("X1")?.expectedAmount == Decimal(string: "1234567.89"))
        #expect(snapshot.customer("X1")?.probability == 60)
        #expect(snapshot.customer("X2")?.expectedAmount == 2500)
        #expect(snapshot.customer("X1")?.registeredAt == Self.zone.instant(LocalDate(year: 2026, month: 11, day: 24)!))
    }
}

@Suite("tickler import: attendance, events and filed reports")
struct AppendedCollectionsTests {
    static let zone = Zone(TimeZone(identifier: "Asia/Shanghai")!)

    func run(_ collection: StoreCollection, _ sheet: String, _ scratch: ImportScratch) throws -> StoreImport.Report {
        try StoreImport(collection: collection, sheetPath: sheet, store: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).run()
    }

    @Test("attendance in Chinese with 是/否 and check-in times; a day already recorded is not added again")
    func attendance() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let sheet = try scratch.write("a.csv", "业务员,日期,签到时间,缺勤,请假\n李娜,2026/12/01,8:41,否,\nR01,2026/12/01,,是,是\nR01,2026/12/01,,是,\n")
        let first = try run(.attendance, sheet, scratch)
        #expect(first.problems.filter(\.isError).isEmpty, "\(first.problems)")
        #expect(first.plan?.added == 2)
        #expect(first.plan?.alreadyThere == 1)
        let text = try scratch.read("attendance.jsonl")
        #expect(text.contains(#"{"rep":"R02","date":"2026-12-01","check_in":"08:41","absent":false}"#))
        #expect(text.contains(#"{"rep":"R01","date":"2026-12-01","absent":true,"excused":true}"#))
        #expect(try run(.attendance, sheet, scratch).plan?.added == 0)
    }

    @Test("the hand-written XLSX (1904 dates, inline strings, booleans) imports as attendance")
    func attendanceXLSX() throws {
        let scratch = try ImportScratch(exampleStore: false)
        defer { scratch.remove() }
        var job = StoreImport(collection: .attendance, sheetPath: try ImportScratch.fixture("edge-inline-1904.xlsx"), store: scratch.store, zone: Self.zone, classes: [])
        job.sheet = "Asistencia"
        let report = try job.run()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.plan?.added == 2)
    }

    @Test("filed plans and an event naming an unknown customer: the event row is refused with a did-you-mean")
    func reportsAndEvents() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let plans = try scratch.write("p.csv", "rep,date,kind,filed_at,approved_by\nR01,2026-12-01,拜访计划,2026-12-01 08:10,张伟\n")
        let filed = try run(.reports, plans, scratch)
        #expect(filed.problems.isEmpty, "\(filed.problems)")
        #expect(try scratch.read("reports.jsonl").contains(#""kind":"plan","filed_at":"2026-12-01T08:10:00","approved_by":"M01"}"#))
        let events = try scratch.write("e.csv", "rep,at,event,customer\nR01,2026-12-01 09:00,late_greeting,C0001\n")
        let report = try run(.events, events, scratch)
        #expect(report.problems.map(\.description).contains { $0.hasPrefix("\(events):2:4 (customer): event skipped: customer 'C0001' is not in the store's customers (did you mean 'C001'?)") })
        #expect(!report.wrote)
    }
}
