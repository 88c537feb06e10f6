package import Logging
import TicklerCore
package import TicklerDelivery

/// A swift-log handler that writes the daemon's operational messages to the journal as
/// structured entries, and readable lines to stderr when stderr is not the journal.
///
/// Metadata becomes journal fields: a key already in journal form (`MESSAGE_ID`,
/// `TICKLER_RULE`) is kept, any other is uppercased under `TICKLER_` (`file` ->
/// `TICKLER_FILE`). The message is one line (``TextLine``), in the journal and on stderr: a
/// name it quotes (a path, a value from the store) cannot forge a line of its own.
package struct JournalLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info
    private let channel: JournalChannel

    package init(channel: JournalChannel) {
        self.channel = channel
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var entry = JournalEntry()
        let message = TextLine.flattened(event.message.description)
        entry.append("MESSAGE", message)
        entry.append("PRIORITY", String(Self.priority(event.level)))
        entry.append("SYSLOG_IDENTIFIER", channel.identifier)
        entry.append("CODE_FILE", event.file)
        entry.append("CODE_LINE", String(event.line))
        entry.append("CODE_FUNC", event.function)
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            let name =
                JournalEntry.isValidFieldName(key) && key.contains("_")
                ? key : "TICKLER_" + JournalEntry.fieldName(for: key)
            entry.append(name, value.description)
        }
        let sent = entry.send()
        if channel.mirrorToStderr || !sent {
            StandardError.writeLine("\(channel.identifier): \(event.level): \(message)")
        }
    }

    /// Syslog priority of a log level.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
