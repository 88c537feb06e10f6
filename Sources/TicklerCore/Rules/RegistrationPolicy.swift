internal import Foundation

/// Seed 003's registration rules beyond "the first registration wins" (issue 17 item 6):
///
/// - `complete_wins`: a later registration with a full name and a phone beats an earlier
///   incomplete one (只认可全名登记并电话正确的记录为准). A name is incomplete when it ends
///   with one of `incompleteNames` (王先生, 李女士) or has a single character; a phone is
///   there when it has at least six digits.
/// - `keep_for`: a returning customer belongs to the original rep for this long after the
///   original's last contact (or registration, 老客户回访由原接待销售人员优先接待); a new
///   registration after that is not a conflict: the customer may be taken up again.
package struct RegistrationPolicy: Sendable, Hashable {
    package var completeWins: Bool
    package var incompleteNames: [String]
    package var keepFor: RuleDuration?

    package static let defaultIncompleteNames = ["先生", "女士", "小姐", "太太", "老板", "总", "總"]

    package init(completeWins: Bool = false, incompleteNames: [String] = defaultIncompleteNames, keepFor: RuleDuration? = nil) {
        self.completeWins = completeWins
        self.incompleteNames = incompleteNames
        self.keepFor = keepFor
    }

    /// Whether a registration has a full name and a phone.
    package func isComplete(_ customer: Customer) -> Bool {
        guard customer.phone.flatMap(ConflictEvaluator.phoneKey) != nil else { return false }
        let name = customer.name.trimmingCharacters(in: .whitespaces)
        guard name.count >= 2 else { return false }
        return !incompleteNames.contains { name.lowercased().hasSuffix($0.lowercased()) }
    }
}
