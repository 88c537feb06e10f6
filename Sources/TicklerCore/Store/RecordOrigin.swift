/// Where a store record came from (`customers.jsonl:812`), for `explain`, the ledger and
/// error messages.
package struct RecordOrigin: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int

    package init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    package var description: String { "\(file):\(line)" }
}
