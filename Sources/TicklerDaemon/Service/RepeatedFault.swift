/// A fault that may last many ticks (a full disk, an unreadable store), reported once: when
/// it starts or changes, not again while it lasts, and once more when it clears.
package struct RepeatedFault: Sendable, Hashable {
    /// The text of the fault being reported, `nil` when none.
    package private(set) var current: String?

    package init() {}

    /// Records that `text` happened; returns `true` when it should be reported (it is new
    /// or differs from the fault already reported).
    package mutating func occurred(_ text: String) -> Bool {
        defer { current = text }
        return current != text
    }

    /// Records a success; returns the fault that just cleared, if one was being reported.
    package mutating func cleared() -> String? {
        defer { current = nil }
        return current
    }
}
