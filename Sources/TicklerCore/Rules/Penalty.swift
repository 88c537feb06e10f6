package import Foundation

/// A fine (money, in the office's currency) and points deducted from a rep's score.
package struct Penalty: Sendable, Hashable {
    package var fine: Decimal
    package var points: Int

    package init(fine: Decimal = 0, points: Int = 0) {
        self.fine = fine
        self.points = points
    }

    package var isZero: Bool { fine == 0 && points == 0 }
}
