import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler import and tickler record")
struct ImportCommandTests {
    /// A scratch folder with a copy of the example store at `store`.
    func scratchStore() throws -> (Scratch, String) {
        let scratch = try Scratch()
        let store = scratch.path + "/store"
        try FileManager.default.copyItem(atPath: TicklerBinary.packageRoot + "/rules/example-store", toPath: store)
        return (scratch, store)
    }

    static let fixtures = TicklerBinary.packageRoot + "/Tests/TicklerImportTests/Fixtures/import/"

    @Test("a GB18030 sheet is imported (exit 0, a summary), then a second run has nothing to write")
    func importTwice() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let sheet = Self.fixtures + "customers-zh-gb18030.csv"
        let first = try TicklerBinary.run(["import", "customers", sheet, "--store", store, "--rules", "rules/office.yaml"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdoutLines.first == "\(sheet): 3 rows below the headers on row 1, gb18030, separator ','")
        #expect(first.stdout.contains("customers: 3 added, 0 changed, 0 unchanged"))
        #expect(first.stdout.contains("written to \(store)/customers.json"))
        let second = try TicklerBinary.run(["import", "customers", sheet, "--store", store])
        #expect(second.status == 0)
        #expect(second.stdout.contains("customers: 0 added, 0 changed, 3 unchanged"))
        #expect(second.stdout.contains("nothing to write"))
        let check = try TicklerBinary.run(["check", "rules/office.yaml", "--store", store])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("a bad cell: exit 1, FILE:ROW:COLUMN (header): message on stderr, nothing written")
    func badCell() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let before = FileManager.default.contents(atPath: store + "/customers.json")
        let sheet = try scratch.write("c.csv", "Código;Nombre;Vendedor;Categoría;Fecha de alta\nE1;Uno;R01;A;24/11/2026\nE2;Dos;R01;A;31/11/2026\n")
        let result = try TicklerBinary.run(["import", "customers", sheet, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderrLines.contains { $0.hasPrefix("\(sheet):3:5 (Fecha de alta): '31/11/2026' is not a date") })
        #expect(result.stdout.contains("nothing was written"))
        #expect(FileManager.default.contents(atPath: store + "/customers.json") == before)
        let dry = try TicklerBinary.run(["import", "customers", sheet, "--store", store, "--dry-run", "--skip-bad"])
        #expect(dry.stdout.contains("row 2: add E1"))
        #expect(dry.stdout.contains("dry run: nothing was written"))
    }

    @Test("a mapping file with a mistake: exit 1 with FILE:LINE:COLUMN and a did-you-mean")
    func badMap() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let map = try scratch.write("m.yaml", "columns:\n  全称: nam\n")
        let sheet = try scratch.write("c.csv", "id,全称,rep,class\nX,y,R01,A\n")
        let result = try TicklerBinary.run(["import", "customers", sheet, "--store", store, "--map", map])
        #expect(result.status == 1)
        #expect(result.stderrLines.first?.hasPrefix("\(map):2:7: unknown customers field 'nam'; did you mean 'name'?") == true)
    }

    @Test("record contact: appended once with the customer's rep; a second run finds it; an unknown customer is refused")
    func record() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let args = ["record", "contact", "--store", store, "--customer", "C005", "--method", "电话", "--at", "2026-11-24 10:30"]
        let first = try TicklerBinary.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#""customer":"C005""#) && first.stdout.hasPrefix("recorded in"))
        let lines = try String(contentsOfFile: store + "/contacts.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.last?.contains(#""method":"phone""#) == true && lines.last?.contains(#""rep":"#) == true)
        let again = try TicklerBinary.run(args)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("already in"))
        #expect(try String(contentsOfFile: store + "/contacts.jsonl", encoding: .utf8).split(separator: "\n").count == lines.count)
        let unknown = try TicklerBinary.run(["record", "contact", "--store", store, "--customer", "C0005", "--rep", "R01"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("customer 'C0005' is not in the store's customers"))
        let wrong = try TicklerBinary.run(["record", "attendance", "--store", store, "--rep", "R01", "--method", "phone"])
        #expect(wrong.status == 2)
    }

    @Test("--help of import and record fits 80 columns")
    func helpWidth() throws {
        for command in ["import", "record"] {
            let result = try TicklerBinary.run([command, "--help"])
            #expect(result.status == 0)
            for line in result.stdoutLines { #expect(line.count <= 80, "\(command): \(line)") }
        }
    }
}

@Suite("tickler record: concurrent writers")
struct RecordConcurrencyTests {
    @Test("twelve record processes at once: twelve whole lines, none lost or interleaved, and the store loads clean")
    func concurrentRecords() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = scratch.path + "/store"
        try FileManager.default.copyItem(atPath: TicklerBinary.packageRoot + "/rules/example-store", toPath: store)
        let before = try String(contentsOfFile: store + "/contacts.jsonl", encoding: .utf8).split(separator: "\n").count
        var processes: [Process] = []
        for minute in 0..<12 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TicklerBinary.path)
            process.arguments = [
                "record", "contact", "--store", store, "--customer", "C00\(minute % 9 + 1)", "--method", "phone",
                "--at", "2026-11-24T10:\(10 + minute)", "--note", String(repeating: "长备注", count: 2000),
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let lines = try String(contentsOfFile: store + "/contacts.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == before + 12)
        var times: Set<String> = []
        for line in lines.suffix(12) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect((object["note"] as? String)?.count == 6000)
            #expect(object["rep"] != nil)
            times.insert(try #require(object["at"] as? String))
        }
        #expect(times.count == 12)
        let check = try TicklerBinary.run(["check", "rules/office.yaml", "--store", store])
        #expect(check.status == 0, "\(check.stderr)")
    }
}

extension RecordConcurrencyTests {
    @Test("eight imports of different customers at once: the store's write lock keeps every one (no lost update of customers.json)")
    func concurrentUpserts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = scratch.path + "/store"
        try FileManager.default.copyItem(atPath: TicklerBinary.packageRoot + "/rules/example-store", toPath: store)
        var processes: [Process] = []
        for n in 0..<8 {
            let sheet = try scratch.write("c\(n).csv", "id,name,rep,class\nP\(n),Parallel \(n),R01,B\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TicklerBinary.path)
            process.arguments = ["import", "customers", sheet, "--store", store]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let text = try String(contentsOfFile: store + "/customers.json", encoding: .utf8)
        for n in 0..<8 { #expect(text.contains(#"{"id":"P\#(n)","#)) }
    }
}
