import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler --version and the licence")
struct VersionAndLicenceTests {
    @Test("--version prints the release on its first line, then the licence")
    func versionNamesTheLicence() throws {
        let result = try TicklerBinary.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdoutLines
        #expect(lines.first?.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil)
        #expect(result.stdout.contains("Apache License, Version 2.0"))
    }

    @Test("LICENSE holds the whole Apache License 2.0 and NOTICE names the project")
    func licenceFiles() throws {
        let licence = try String(contentsOfFile: TicklerBinary.packageRoot + "/LICENSE", encoding: .utf8)
        #expect(licence.contains("Apache License"))
        #expect(licence.contains("Version 2.0, January 2004"))
        #expect(licence.contains("END OF TERMS AND CONDITIONS"))
        let notice = try String(contentsOfFile: TicklerBinary.packageRoot + "/NOTICE", encoding: .utf8)
        #expect(notice.hasPrefix("Tickler\n"))
    }
}
