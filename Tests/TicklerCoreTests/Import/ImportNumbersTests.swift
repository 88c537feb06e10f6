import Testing
import TicklerCore

@Suite("import: amounts with the file's separators")
struct ImportNumbersTests {
    @Test(
        "amounts in en, zh, es and hu notation",
        arguments: [
            ("1,234,567.89", false, "1234567.89"), ("1.234.567,89", true, "1234567.89"),
            ("1 234 567,89", true, "1234567.89"), ("1\u{A0}234\u{A0}567,89", true, "1234567.89"),
            ("¥1,250,000", false, "1250000"), ("€ 1.234,50", true, "1234.50"), ("85 000 Ft", true, "85000"),
            ("12.000", true, "12000"), ("12.000", false, "12.000"), ("1,234", false, "1234"), ("1,234", true, "1.234"),
            ("950,75", true, "950.75"), ("950,75", false, "950.75"), ("-42", false, "-42"), ("(1,000.5)", false, "-1000.5"),
            ("60%", false, "60"), ("3.5", true, "3.5"), ("1234", false, "1234"), ("1.234,5", false, "1234.5"),
        ] as [(String, Bool, String)])
    func amounts(_ text: String, _ decimalComma: Bool, _ expected: String) {
        #expect(ImportNumbers.parse(text, decimalComma: decimalComma) == expected)
    }

    @Test("text that is not an amount", arguments: ["abc", "1,23,4", "1.2.3,4,5", "", "12a", "1..2", ",", "1e5"])
    func notAmounts(_ text: String) {
        #expect(ImportNumbers.parse(text, decimalComma: false) == nil)
    }

    @Test("a column's cells settle its decimal separator")
    func inferDecimal() {
        #expect(ImportNumbers.inferDecimalComma(["12.000", "1.234,50"]) == true)
        #expect(ImportNumbers.inferDecimalComma(["12,000", "950.75"]) == false)
        #expect(ImportNumbers.inferDecimalComma(["12.000", "1,234"]) == nil)
        #expect(ImportNumbers.inferDecimalComma(["1,5", "2.5"]) == nil)
    }
}
