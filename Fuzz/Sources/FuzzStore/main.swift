import Foundation
import FuzzSupport
import TicklerCore
import TicklerStore

/// The store loader end to end: the low six bits of the first byte pick one collection and its
/// form (`.json` array or `.jsonl` lines), the rest becomes that file in a copy of the example
/// store, which is loaded (JSON parser, array splitter, lines reader, record decoder). When
/// the top bit is set the snapshot is also evaluated with the shipped rules (bit 6 picks the
/// instant): evaluation costs ten times the load, so only inputs that ask for it pay it. Bad
/// records must become diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let start = UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = bytes.first else { return 0 }
    let collections = StoreCollection.allCases
    let selector = Int(first & 0x3F)
    let collection = collections[selector % collections.count]
    let lines = (selector / collections.count) % 2 == 0
    let directory = Store.directory
    for name in [collection.linesFileName, collection.arrayFileName] {
        try? FileManager.default.removeItem(atPath: directory + "/" + name)
    }
    let name = lines ? collection.linesFileName : collection.arrayFileName
    Fixtures.write(UnsafeRawBufferPointer(rebasing: bytes.dropFirst()), to: directory + "/" + name)
    let rules = Fixtures.rules
    let load: StoreLoad
    do {
        load = try StoreLoader(directory: directory, zone: rules.zone, classes: rules.classes).load()
    } catch {
        preconditionFailure("a readable store must load: \(error)")
    }
    for diagnostic in load.diagnostics {
        precondition(diagnostic.location.line >= 1 && !diagnostic.message.isEmpty, "bad diagnostic \(diagnostic)")
    }
    if first & 0x80 != 0 {
        _ = Evaluator(rules: rules).evaluate(load.snapshot, at: Fixtures.instants[Int(first >> 6) & 1])
    }
    // Put the example file back for the next input.
    Store.restore(collection)
    return 0
}

/// A copy of rules/example-store in the scratch directory.
enum Store {
    static let example = Fixtures.root + "/rules/example-store"
    static let directory: String = {
        let path = Fixtures.scratch + "/store"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for collection in StoreCollection.allCases { restore(collection, into: path) }
        return path
    }()

    static func restore(_ collection: StoreCollection, into path: String = directory) {
        for name in [collection.linesFileName, collection.arrayFileName] {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
            if FileManager.default.fileExists(atPath: example + "/" + name) {
                try? FileManager.default.copyItem(atPath: example + "/" + name, toPath: path + "/" + name)
            }
        }
    }
}

@_cdecl("FuzzStore_main")
public func fuzzStoreMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzStore)
}
