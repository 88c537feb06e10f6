import Foundation
import Testing
import TicklerCore
import TicklerImport
import TicklerStore

/// The recipes of docs/import.md: each shipped mapping file under rules/import/ imports its
/// sample export into the example store without a problem.
@Suite("import recipes: office sheets, Odoo and HubSpot exports with the shipped mapping files")
struct RecipeTests {
    static let zone = Zone(TimeZone(identifier: "Asia/Shanghai")!)

    func run(_ collection: StoreCollection, _ sample: String, _ map: String, _ scratch: ImportScratch) throws -> StoreImport.Report {
        let path = ImportScratch.root + "/rules/import/" + map
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let mapping = try ImportMappingParser.parse(
            text, file: path, collection: collection.rawValue, fields: collection.requiredFields + collection.optionalFields)
        let job = StoreImport(
            collection: collection, sheetPath: try ImportScratch.fixture("recipes/" + sample), store: scratch.store,
            mapping: mapping, zone: Self.zone, classes: ["A", "B", "C"])
        let report = try job.run()
        #expect(report.problems.isEmpty, "\(report.problems.map(\.description))")
        #expect(report.wrote)
        return report
    }

    func snapshot(_ scratch: ImportScratch) throws -> Snapshot {
        let load = try StoreLoader(directory: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).load()
        return load.snapshot
    }

    @Test("a Chinese office's Excel sheet: title row, names as ids, reps by name, VIP/重点/普通")
    func excelChinese() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        _ = try run(.customers, "excel-customers-zh.xlsx", "excel-customers-zh.yaml", scratch)
        let customer = try #require(try snapshot(scratch).customer("上海申达机电有限公司"))
        #expect(customer.rep == "R01" && customer.class == "A" && customer.phone == "13912345678")
        #expect(customer.nextContact == LocalDate(year: 2026, month: 12, day: 1))
        #expect(try snapshot(scratch).customer("无锡惠民药房")?.rep == "R02")
    }

    @Test("a Spanish office's Excel sheet: Oro/Plata/Bronce, day-first dates, amounts as number cells")
    func excelSpanish() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        _ = try run(.customers, "excel-customers-es.xlsx", "excel-customers-es.yaml", scratch)
        let customer = try #require(try snapshot(scratch).customer("ES-001"))
        #expect(customer.rep == "R03" && customer.class == "A")
        #expect(customer.expectedAmount == 15000)
        #expect(customer.registeredAt == Self.zone.instant(LocalDate(year: 2026, month: 3, day: 2)!))
        #expect(try snapshot(scratch).customer("ES-002")?.expectedAmount == Decimal(string: "4250.5"))
        #expect(try snapshot(scratch).customer("ES-003")?.rep == "M02")
    }

    @Test("Odoo: contacts become customers by external id, then activities become their contacts")
    func odoo() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        _ = try run(.customers, "odoo-contacts.csv", "odoo-contacts.yaml", scratch)
        let contacts = try run(.contacts, "odoo-activities.csv", "odoo-activities.yaml", scratch)
        #expect(contacts.plan?.added == 3)
        let snapshot = try snapshot(scratch)
        let id = "__export__.res_partner_42_9e2d3b4c"
        #expect(snapshot.customer(id)?.class == "B")
        let contact = try #require(snapshot.contacts(of: id).first)
        #expect(contact.method == .visit && contact.rep == "R02" && contact.note == "Showroom visit")
    }

    @Test("HubSpot: companies by record id, owners by name, lifecycle stages as statuses")
    func hubspot() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        _ = try run(.customers, "hubspot-companies.csv", "hubspot-companies.yaml", scratch)
        let snapshot = try snapshot(scratch)
        #expect(snapshot.customer("9012345001")?.status == .customer)
        #expect(snapshot.customer("9012345002")?.status == .prospect)
        #expect(snapshot.customer("9012345003")?.rep == "R04")
        #expect(snapshot.customer("9012345003")?.status == .customer)
        #expect(snapshot.customer("9012345001")?.registeredAt == Self.zone.instant(LocalDate(year: 2026, month: 2, day: 11)!, TimeOfDay(minutes: 9 * 60 + 15)))
    }

    @Test("HubSpot contacts: First Name and Last Name joined into the name, owners by name, class C by default")
    func hubspotContacts() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        let report = try run(.customers, "hubspot-contacts.csv", "hubspot-contacts.yaml", scratch)
        #expect(report.plan?.added == 4)
        let snapshot = try snapshot(scratch)
        let ana = try #require(snapshot.customer("51234567801"))
        #expect(ana.name == "Ana Morales" && ana.rep == "R03" && ana.class == "C" && ana.status == .customer)
        #expect(ana.phone == "+34 600 555 201")
        #expect(ana.registeredAt == Self.zone.instant(LocalDate(year: 2026, month: 3, day: 4)!, TimeOfDay(minutes: 10 * 60 + 20)))
        #expect(snapshot.customer("51234567802")?.name == "Javier Ruiz Gómez")
        #expect(snapshot.customer("51234567802")?.status == .prospect)
        #expect(snapshot.customer("51234567803")?.name == "Szabó")
        #expect(snapshot.customer("51234567803")?.rep == "R04")
        #expect(snapshot.customer("51234567804")?.status == .customer)
    }
}
