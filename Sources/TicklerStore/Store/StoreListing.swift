package import TicklerCore

/// The files of a store folder that the loader does not read, each reported so that a
/// collection saved under a wrong name (`Customers.JSON`, `reps.csv`, `contact.jsonl`) is not
/// silently missing from every evaluation.
///
/// A name that is a collection's file name but for case, extension or a small misspelling is
/// an error with the name to use; any other file is a warning (it is not read). Hidden files
/// (`.name`) and the editors' and exporters' temporary files beside a collection
/// (`customers.json.tmp`, `customers.json.bak`, `customers.json~`) are left alone.
package struct StoreListing: Sendable {
    package var directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// One diagnostic per file in `names` that is not read, in name order.
    package func diagnostics(_ names: Set<String>) -> [Diagnostic] {
        let read = Set(StoreCollection.allCases.flatMap { [$0.arrayFileName, $0.linesFileName] })
        return names.subtracting(read).sorted().compactMap { name in
            if name.hasPrefix(".") || read.contains(where: { name.hasPrefix($0 + ".") || name == $0 + "~" }) { return nil }
            let at = SourceLocation(file: path(name), line: 1)
            if let collection = Self.collection(near: name) {
                let lower = name.lowercased()
                let wrongFormat = !(lower.hasSuffix(".json") || lower.hasSuffix(".jsonl"))
                let fix = wrongFormat
                    ? "the store reads only JSON: export it as \(collection.arrayFileName) (an array) or \(collection.linesFileName) (one object a line)"
                    : "did you mean \(collection.arrayFileName) or \(collection.linesFileName)? Rename it (names are lower case)"
                return Diagnostic(at, "this file is not read, so the store has no \(collection.rawValue) from it; \(fix)")
            }
            let known = StoreCollection.allCases.map(\.rawValue).joined(separator: ", ")
            return Diagnostic(
                at, "this file is not read (a store reads only \(known) as NAME.json or NAME.jsonl); move it out of the store folder",
                severity: .warning)
        }
    }

    /// The collection `name` was probably meant to be: its part before the first dot is a
    /// collection's name but for case or a small misspelling (`Customers`, `contact`, `rep`).
    static func collection(near name: String) -> StoreCollection? {
        let stem = String(name.split(separator: ".", maxSplits: 1).first ?? "")
        guard !stem.isEmpty else { return nil }
        if let exact = StoreCollection.allCases.first(where: { $0.rawValue == stem.lowercased() }) { return exact }
        return NearestName.suggestion(for: stem, among: StoreCollection.allCases.map(\.rawValue))
            .flatMap(StoreCollection.init(rawValue:))
    }

    /// The error for a store without customers (`tickler check`): a folder that is not the
    /// store, or a customers file that could not be read at all.
    package func noCustomers(_ names: Set<String>) -> Diagnostic {
        let file = StoreCollection.customers.fileName(in: names) ?? StoreCollection.customers.arrayFileName
        return Diagnostic(
            SourceLocation(file: path(file), line: 1),
            "the store has no customers (no customers.json or customers.jsonl, or none of its records could be read): "
                + "nothing can be followed up; export the customers into customers.json")
    }

    private func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
