package import Foundation

/// When the daemon last finished a tick, kept in the state directory so that after a
/// restart the event window (lateness, absences, penalties) reaches back to it and nothing
/// recorded while the daemon was down is missed.
package actor LastTick {
    private let file: RecordFile
    /// The time of the last finished tick, or `nil` on a first run.
    package private(set) var value: Date?

    /// Opens `last-tick` in `directory` (mode 0600). Throws ``StateFileError``.
    package init(directory: String) throws {
        try RecordFile.makeDirectory(directory)
        file = try RecordFile(directory + "/last-tick")
        value = file.records.last.flatMap { String(data: $0, encoding: .utf8) }.flatMap(Double.init)
            .map { Date(timeIntervalSince1970: $0) }
        file.dropLoadedRecords()
    }

    /// Records a finished tick, atomically (temp file, fsync, rename).
    package func record(_ time: Date) throws {
        try file.replace(with: [Data(String(time.timeIntervalSince1970).utf8)])
        value = time
    }
}
