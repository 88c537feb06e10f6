import FuzzSupport
import TicklerCore

/// Bytes → UTF-8 text → YAML → Rules; a rulebook that parses is then evaluated against the
/// example store at two instants, so odd but valid values (huge durations, far dates) reach
/// the evaluators too. Invalid text must give positioned diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let rules = try RulesParser.parse(text, file: "fuzz.yaml")
        let evaluator = Evaluator(rules: rules)
        for now in Fixtures.instants {
            _ = evaluator.evaluate(Fixtures.snapshot, at: now)
        }
    } catch {
        Fixtures.checkDiagnostics(error)
    }
    return 0
}

@_cdecl("FuzzRules_main")
public func fuzzRulesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzRules)
}
