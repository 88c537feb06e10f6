import Foundation
import Testing
import TicklerCore

@Suite struct InstantTextTests {
    let shanghai = Zone(identifier: "Asia/Shanghai")!

    @Test(
        "RFC 3339 and local forms name the expected instant",
        arguments: [
            ("2026-11-24T09:00:00+08:00", 1_795_482_000.0),
            ("2026-11-24T01:00:00Z", 1_795_482_000.0),
            ("2026-11-24T01:00:00.250Z", 1_795_482_000.25),
            ("2026-11-23T20:00:00-05:00", 1_795_482_000.0),
            ("2026-11-24T09:00", 1_795_482_000.0),
            ("2026-11-24 09:00", 1_795_482_000.0),
            ("2026-11-24", 1_795_449_600.0),
        ])
    func accepted(text: String, epoch: Double) {
        #expect(InstantText.parse(text, zone: shanghai)?.timeIntervalSince1970 == epoch)
    }

    @Test(
        "malformed times are refused",
        arguments: ["", "tomorrow", "2026-11-24T9:00", "2026-13-01", "2026-11-24T25:00", "2026-11-24T09:00+8",
            "2026-11-24T09:00:00.Z", "2026-11-24T09:00:00+08:00x"])
    func refused(text: String) {
        #expect(InstantText.parse(text, zone: shanghai) == nil)
    }
}
