import Testing
import TicklerCore

@Suite("SafeIdentifier and MailboxName: store ids never become paths or headers unchecked")
struct IdentifierTests {
    @Test("ordinary ids, including non-ASCII ones, are accepted unchanged", arguments: [
        "r1", "A-17", "li.wei", "销售_01", "C 12", String(repeating: "x", count: 128),
    ])
    func accepted(text: String) throws {
        #expect(try SafeIdentifier(validating: text, what: "rep id").value == text)
        #expect(SafeIdentifier(text)?.value == text)
    }

    @Test("ids that would leave a folder, hide a file, read as an option or split a header are refused", arguments: [
        ("", IdentifierProblem.Code.empty),
        ("../x", .pathSeparator),
        ("a/b", .pathSeparator),
        ("a\\b", .pathSeparator),
        ("..", .dotName),
        (".", .dotName),
        (".hidden", .dotName),
        ("-f", .leadingDash),
        ("r1\r\nBcc: all@example.com", .controlCharacter),
        ("r1\n", .controlCharacter),
        ("r\u{0}1", .controlCharacter),
        ("r\u{1B}[31m", .controlCharacter),
        ("r\u{85}1", .controlCharacter),
        ("r\u{2028}1", .controlCharacter),
        ("r\u{7F}", .controlCharacter),
        (String(repeating: "x", count: 129), .tooLong),
        (String(repeating: "é", count: 65), .tooLong),
    ])
    func refused(text: String, code: IdentifierProblem.Code) {
        #expect(SafeIdentifier(text) == nil)
        #expect(throws: IdentifierProblem.self) { try SafeIdentifier(validating: text, what: "rep id") }
        let problem = SafeIdentifier.problem(with: text, what: "rep id")
        #expect(problem?.code == code)
        // The message names what it is and never carries the raw control characters.
        #expect(problem?.message.hasPrefix("the rep id") == true)
        #expect(problem?.message.unicodeScalars.contains(where: IdentifierText.isControl) == false)
    }

    @Test("local user names are accepted as mailboxes", arguments: ["li", "wang.wei", "sales_01", "a-b", "_svc", "host$", "A1"])
    func mailboxAccepted(text: String) throws {
        #expect(try MailboxName(validating: text).value == text)
    }

    @Test("mailboxes that are not plain user names are refused", arguments: [
        ("../x", IdentifierProblem.Code.pathSeparator),
        ("a/b", .pathSeparator),
        ("root\r\nBcc: x", .controlCharacter),
        ("-oQ/tmp", .pathSeparator),
        ("-f", .leadingDash),
        (".forward", .dotName),
        ("li wei", .notAUserName),
        ("li@example.com", .notAUserName),
        ("王伟", .notAUserName),
        ("a$b", .notAUserName),
        ("$", .notAUserName),
        (String(repeating: "a", count: 33), .tooLong),
    ])
    func mailboxRefused(text: String, code: IdentifierProblem.Code) {
        #expect(MailboxName(text) == nil)
        #expect(MailboxName.problem(with: text)?.code == code)
        #expect(MailboxName.problem(with: text)?.message.hasPrefix("the mailbox") == true)
    }

    @Test("quoting escapes every control character and clips long text")
    func quoting() {
        #expect(IdentifierText.quoted("a\r\nb\t\"\\\u{0}\u{1B}") == #""a\r\nb\t\"\\\u{0}\u{1B}""#)
        #expect(IdentifierText.quoted(String(repeating: "x", count: 50), limit: 4) == "\"xxxx...\"")
        #expect(IdentifierText.quoted("北京") == "\"北京\"")
    }

    @Test("neutralising free text turns line breaks and controls into spaces, and leaves other text alone")
    func neutralising() {
        #expect(IdentifierText.neutralised("Li\r\nBcc: x") == "Li  Bcc: x")
        #expect(IdentifierText.neutralised("a\u{0}b\u{2028}c") == "a b c")
        #expect(IdentifierText.neutralised("王伟 (north)") == "王伟 (north)")
    }
}
