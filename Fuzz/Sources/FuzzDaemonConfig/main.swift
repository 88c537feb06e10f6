import FuzzSupport
import TicklerCore
import TicklerDaemonConfig

/// Bytes → UTF-8 text → `tickler.yaml`: a config or positioned diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDaemonConfig(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        _ = try DaemonConfigParser.parse(text, file: "/etc/tickler/tickler.yaml")
    } catch {
        Fixtures.checkDiagnostics(error)
    }
    return 0
}

@_cdecl("FuzzDaemonConfig_main")
public func fuzzDaemonConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzDaemonConfig)
}
