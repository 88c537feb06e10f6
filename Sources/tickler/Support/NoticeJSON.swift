import Foundation
import TicklerCore

/// One notice as one JSON line (`eval --format json`).
enum NoticeJSON {
    static func line(_ notice: Notice) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(notice), as: UTF8.self)
    }
}
