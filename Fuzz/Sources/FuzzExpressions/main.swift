import FuzzSupport
import TicklerCore

/// The expression language: the first byte picks the alert's subject, the first line after
/// it is the `when:` condition and the rest the `message:` template. Compiled (parser and
/// type checker); an alert that compiles is evaluated over the example store at two instants.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpressions(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = bytes.first else { return 0 }
    let subjects = AlertRule.Subject.allCases
    let subject = subjects[Int(first) % subjects.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let when = String(parts[0])
    let message = parts.count > 1 ? String(parts[1]) : nil
    let here = SourceLocation(file: "fuzz.yaml", line: 12, column: 11)
    let rule = AlertRule(
        name: "fuzz", subject: subject, when: when, whenLocation: here, notify: [.rep], message: message,
        location: SourceLocation(file: "fuzz.yaml", line: 10, column: 5),
        messageLocation: SourceLocation(file: "fuzz.yaml", line: 14, column: 15))
    do {
        let alert = try CompiledAlert.compile(rule)
        for now in Fixtures.instants {
            for locale in [NoticeLocale.en, .zhHans] {
                _ = AlertEvaluator.evaluate(
                    alert, snapshot: Fixtures.snapshot, at: now, zone: Fixtures.rules.zone, locale: locale)
            }
        }
    } catch {
        Fixtures.checkDiagnostics(error)
    }
    return 0
}

@_cdecl("FuzzExpressions_main")
public func fuzzExpressionsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzExpressions)
}
