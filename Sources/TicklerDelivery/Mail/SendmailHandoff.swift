import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands messages to the local MTA: `sendmail -t -oi` (recipients from the `To:` header, a
/// lone `.` is not the end of input) with the message on standard input. Exit status 0 means
/// the MTA took it; the sysexits that say the address or the data are wrong (`EX_DATAERR`,
/// `EX_NOUSER`, `EX_NOHOST`) make a dead letter; anything else is retried.
package struct SendmailHandoff: DeliveryTransport {
    /// The `sendmail` executable (`/usr/sbin/sendmail`).
    package var executable: String

    package init(executable: String = "/usr/sbin/sendmail") {
        self.executable = executable
    }

    package func deliver(_ message: OutboundMessage) async -> DeliveryOutcome {
        guard HeaderText.isPlainAddress(message.target) else {
            return .deadLetter(reason: "'\(HeaderText.sanitized(message.target))' is not a mail address; fix the rep's email or mailbox field")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t", "-oi"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let status: Int32
        let stderrText: String
        do {
            status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                    return
                }
                // The MTA may exit before reading everything: a broken pipe is an error here,
                // not a signal that ends the daemon.
                signal(SIGPIPE, SIG_IGN)
                try? input.fileHandleForWriting.write(contentsOf: Data(message.body))
                try? input.fileHandleForWriting.close()
            }
            stderrText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
        } catch {
            return .retry(after: nil, reason: "cannot run \(executable): \(error.localizedDescription)")
        }
        let detail = HeaderText.sanitized(stderrText)
        switch status {
        case 0: return .delivered
        case 65, 67, 68:
            return .deadLetter(reason: "\(executable) refused the message (exit \(status))" + (detail.isEmpty ? "" : ": \(detail)"))
        default:
            return .retry(after: nil, reason: "\(executable) exited with \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
    }
}
