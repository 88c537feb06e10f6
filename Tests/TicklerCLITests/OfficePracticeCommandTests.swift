import Foundation
import Testing
import TicklerTestSupport

/// Issue 17 end to end: an office's own contact method read from a store folder, a near-miss
/// lead source named by `check --store`, and a reward shown by `eval` as points given.
@Suite("tickler: the seed offices' practices")
struct OfficePracticeCommandTests {
    static let rules = """
        version: 1
        timezone: Europe/Budapest
        contact_methods: [phone, { name: internet, label: { hu: Internet } }]
        lead_sources: [vasar, internet]
        quotas:
          - { name: calls, methods: [phone, internet], at_least: 2, per: week, reward: { points: 5, bonus: 50 } }
        """

    static func store(_ scratch: Scratch, method: String, source: String) throws -> String {
        _ = try scratch.write("store/reps.json", #"[{"id": "V1", "name": "Nagy"}, {"id": "K1", "name": "Kovács", "manager": "V1"}]"#)
        _ = try scratch.write(
            "store/customers.json", #"[{"id": "U1", "name": "Szabó Kft.", "rep": "K1", "class": "A", "source": "\#(source)"}]"#)
        _ = try scratch.write(
            "store/contacts.jsonl",
            #"{"customer": "U1", "rep": "K1", "at": "2026-11-16T10:00:00+01:00", "method": "\#(method)"}"# + "\n"
                + #"{"customer": "U1", "rep": "K1", "at": "2026-11-17T10:00:00+01:00", "method": "phone"}"# + "\n")
        return scratch.path + "/store"
    }

    @Test("an office method is read from the store and counts; eval shows the reward as points given, with its bonus")
    func reward() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", Self.rules)
        let store = try Self.store(scratch, method: "internet", source: "vasar")
        let result = try TicklerBinary.run(["eval", "--rules", rules, "--store", store, "--at", "2026-11-23T09:00"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("+5 pts, bonus 50"), "\(result.stdout)")
        #expect(result.stdout.contains("key reward/quota/calls/K1/2026-W47"))
        let json = try TicklerBinary.run(["eval", "--rules", rules, "--store", store, "--at", "2026-11-23T09:00", "--format", "json"])
        #expect(json.stdout.contains(#""bonus":50"#), "\(json.stdout)")
    }

    @Test("check --store names a misspelt office method and a near-miss lead source")
    func storeChecks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", Self.rules)
        let store = try Self.store(scratch, method: "intenet", source: "internte")
        let result = try TicklerBinary.run(["check", rules, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("contacts.jsonl:1: contact skipped: field 'method' is 'intenet'"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'internet'?"))
        #expect(result.stderr.contains("customers.json:1: source 'internte' is not in the rules' lead_sources; did you mean 'internet'?"))
    }
}
