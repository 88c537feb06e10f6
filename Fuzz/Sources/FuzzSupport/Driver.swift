import CLibFuzzer

/// Runs libFuzzer with `callback` as the input handler and returns its exit status.
///
/// Why not libFuzzer's own `main`: SwiftPM links every executable with `main` aliased to
/// `MODULE_main` (so tests can link it), and with `-parse-as-library` no such function
/// exists. Each harness defines `MODULE_main` with `@_cdecl` and calls this.
package func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var argc = argc
    var argv = argv
    // Load the shared fixtures before the first input, so that their one-time cost is not
    // charged to it (and a broken checkout fails here, not as a fuzz "crash").
    _ = Fixtures.snapshot
    _ = Fixtures.scratch
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
