package import Foundation
package import TicklerCore

/// The reports a digest carries, in the digest's language.
///
/// The evaluation computes each report in the rules' locale (`Evaluation.reports`, by
/// notice key). A recipient who reads another language gets the same report built again
/// by ``ReportBuilder`` with their locale: the same figures, their headings and columns.
package enum DigestReports {
    /// The ``Report`` of each `report` notice of `digest` that `evaluated` has, by notice key.
    package static func reports(
        for digest: Digest, evaluated: [String: Report], rules: Rules, snapshot: Snapshot, at now: Date
    ) -> [String: Report] {
        var result: [String: Report] = [:]
        var localized = rules
        localized.locale = digest.locale
        let builder = ReportBuilder(rules: localized)
        for notice in digest.notices where notice.kind == .report {
            guard let report = evaluated[notice.key] else { continue }
            if digest.locale == rules.locale {
                result[notice.key] = report
            } else if let rule = rules.reports.first(where: { $0.name == report.name }) {
                let again = builder.report(rule, snapshot, at: now)
                // The same occurrence as evaluated; otherwise keep the evaluated one.
                result[notice.key] = again.period == report.period ? again : report
            } else {
                result[notice.key] = report
            }
        }
        return result
    }
}
