import FuzzSupport
import TicklerCore

/// Bytes → UTF-8 text → a rule-test file (`tickler test`): parsed or refused with positioned
/// diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleTests(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        _ = try RuleTestParser.parse(text, file: "/tmp/fuzz/rules.test.yaml")
    } catch {
        Fixtures.checkDiagnostics(error)
    }
    return 0
}

@_cdecl("FuzzRuleTests_main")
public func fuzzRuleTestsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzRuleTests)
}
