/// A position in a user-edited file: the rules file, a store collection, a rule test file.
///
/// Lines and columns count from 1, as editors and `promtool` do. A column of `nil` means
/// "somewhere on this line" (store records of a `.jsonl` collection are reported by line).
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int?

    package init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN` or `FILE:LINE` when there is no column.
    package var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column ?? 0) < (rhs.file, rhs.line, rhs.column ?? 0)
    }
}
