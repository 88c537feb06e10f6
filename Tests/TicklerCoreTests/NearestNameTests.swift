import Testing
import TicklerCore

/// Did-you-mean reaches two edits (an adjacent swap counting as one) for names of 5 or more
/// characters, and stays at one plain edit for short names.
@Suite struct NearestNameTests {
    @Test(
        "a longer name two edits away, or with two letters swapped, is suggested",
        arguments: [
            ("lable", ["name", "label"], "label"),
            ("montly", ["day", "week", "month", "quarter", "year"], "month"),
            ("cadnece", ["cadence", "classes"], "cadence"),
            ("qaurter", ["day", "week", "month", "quarter", "year"], "quarter"),
            ("intenret", ["phone", "visit", "internet"], "internet"),
        ])
    func longNames(_ typed: String, _ candidates: [String], _ expected: String) {
        #expect(NearestName.suggestion(for: typed, among: candidates) == expected)
    }

    @Test(
        "a short name gets no suggestion two edits or a swap away",
        arguments: [
            ("form", ["from"]),
            ("rpe", ["rep"]),
            ("dya", ["day"]),
            ("yaer", ["year"]),
            ("seeks", ["week"]),
        ])
    func shortNames(_ typed: String, _ candidates: [String]) {
        #expect(NearestName.suggestion(for: typed, among: candidates) == nil)
    }

    @Test("the nearest candidate wins, and a name three edits from a 5-8 letter one is not offered")
    func nearest() {
        #expect(NearestName.suggestion(for: "monthh", among: ["month", "monthly"]) == "month")
        #expect(NearestName.suggestion(for: "mxnxhx", among: ["month"]) == nil)
        #expect(NearestName.editDistance("lable", "label") == 2)
        #expect(NearestName.editDistance("lable", "label", swaps: true) == 1)
    }

    @Test("the rules parser names the key and the period a user meant")
    func inTheRules() {
        func messages(_ yaml: String) -> [String] {
            do {
                _ = try RulesParser.parse("version: 1\ntimezone: Europe/Budapest\n" + yaml, file: "r.yaml")
                return []
            } catch {
                return error.diagnostics.map(\.message)
            }
        }
        #expect(messages("contact_methods: [{ name: fair, lable: { en: Fair } }]\n").contains {
            $0.contains("did you mean 'label'?")
        })
        #expect(messages("scoring: { start: 100, period: montly, warn_below: 80 }\n").contains {
            $0.contains("did you mean 'month'?")
        })
    }
}
