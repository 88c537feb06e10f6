/// The contact-method columns of the progress report (issue 17 item 7).
///
/// Without `contact_methods:` in the rules: the five built-in methods, as always. With it:
/// the office's methods in its order, then any other method used by a contact of the
/// period (a WeChat call in a Hungarian office that lists no `wechat`), then `other`.
package struct ReportMethodColumns: Sendable {
    package var methods: [ContactMethod]

    package init(rules: Rules, used: Set<ContactMethod>) {
        guard let office = rules.contactMethods else {
            methods = ContactMethod.allCases
            return
        }
        let listed = office.listed.filter { $0 != .other }
        let extra = rules.knownContactMethods.filter { used.contains($0) && !listed.contains($0) && $0 != .other }
        methods = listed + extra + [.other]
    }

    /// The column a contact counts in: its method's, or `other`.
    package func column(of method: ContactMethod?) -> Int {
        methods.firstIndex(of: method ?? .other) ?? methods.count - 1
    }

    /// The column headings in `locale`: the office's label, or the built-in one.
    package func labels(_ rules: Rules, _ locale: NoticeLocale) -> [String] {
        methods.map { method in
            if let label = rules.contactMethods?.label(of: method) { return label.text(locale) }
            return ReportText.Label(rawValue: method.rawValue).map { ReportText.text($0, locale) } ?? method.rawValue
        }
    }
}
