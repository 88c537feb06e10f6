/// `contact_methods:` — the ways of contact an office uses, in the order of its report
/// columns, with a label per language for the office's own (issue 17 item 7).
///
/// Without the section the five built-in methods apply, as before. With it, the store may
/// use the listed methods and the built-in ones; the progress report shows a column per
/// listed method, then one per other method actually used in the period (so a Hungarian
/// office that lists no `wechat` sees no WeChat column unless someone used it), then
/// `other`.
package struct OfficeContactMethods: Sendable {
    /// One listed method.
    package struct Entry: Sendable, Hashable {
        package var method: ContactMethod
        /// The label for a method of the office's own; `nil` for a built-in one.
        package var label: LocalizedLabel?
        package var location: SourceLocation

        package init(method: ContactMethod, label: LocalizedLabel? = nil, location: SourceLocation) {
            self.method = method
            self.label = label
            self.location = location
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) {
        self.entries = entries
    }

    /// The methods listed, in order.
    package var listed: [ContactMethod] { entries.map(\.method) }

    /// Every method a store may use under these rules: the listed ones, then the built-in
    /// ones not listed.
    package var known: [ContactMethod] {
        listed + ContactMethod.allCases.filter { !listed.contains($0) }
    }

    /// The office's label of a method of its own, if it has one.
    package func label(of method: ContactMethod) -> LocalizedLabel? {
        entries.first { $0.method == method }?.label
    }
}

extension Rules {
    /// Every contact method a store may use: the built-in ones, and the office's own.
    package var knownContactMethods: [ContactMethod] {
        contactMethods?.known ?? ContactMethod.allCases
    }
}
