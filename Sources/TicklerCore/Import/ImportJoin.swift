import Foundation

/// Several columns of a sheet joined into one store field: HubSpot's and many sheets'
/// "First Name" and "Last Name" into a customer's `name`, or a Chinese sheet's 姓 and 名.
/// Written in a mapping file as `join: { name: { columns: [First Name, Last Name], with: " " } }`
/// (see docs/import.md); empty cells are left out, so no stray separator remains.
package struct ImportJoin: Sendable, Hashable {
    /// The headers of the columns, in the order their cells are joined.
    package var headers: [String]
    /// What goes between two non-empty cells (`" "`; `""` for 姓 and 名).
    package var separator: String
    /// Where each header is written in the mapping file, for a header the sheet lacks.
    package var locations: [SourceLocation?]

    package init(headers: [String], separator: String = " ", locations: [SourceLocation?] = []) {
        self.headers = headers
        self.separator = separator
        self.locations = locations
    }

    /// How the joined column is named in messages: `First Name + Last Name`.
    package var label: String { headers.joined(separator: " + ") }

    /// The joined text of the cells at `indices` (the columns of ``headers``) in `cells`.
    package func text(_ cells: [String], indices: [Int]) -> String {
        indices.map { cells.indices.contains($0) ? cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) : "" }
            .filter { !$0.isEmpty }.joined(separator: separator)
    }

    /// The index in `header` (a header row's cells) of each of ``headers``: the same text, or
    /// the same after ``ImportHeaders/normalized(_:)``. `nil` for a header the row lacks.
    package func indices(in header: [String]) -> [Int?] {
        let trimmed = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return headers.map { wanted in
            trimmed.firstIndex(of: wanted) ?? trimmed.firstIndex {
                !$0.isEmpty && ImportHeaders.normalized($0) == ImportHeaders.normalized(wanted)
            }
        }
    }
}
