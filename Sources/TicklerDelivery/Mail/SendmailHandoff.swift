import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands messages to the local MTA: `sendmail -t -oi -f SENDER` (recipients from the `To:`
/// header, a lone `.` is not the end of input, the envelope sender that bounces go back to)
/// with the message on standard input. Exit status 0 means
/// the MTA took it; the sysexits that say the address or the data are wrong (`EX_DATAERR`,
/// `EX_NOUSER`, `EX_NOHOST`) make a dead letter; anything else is retried.
///
/// A rep's `email` comes from the store, so an address with a domain goes out only when the
/// domain is in `allowDomains` (`channels.mail.allow_domains`, compared like `allow_hosts`:
/// canonical, lower case, `*.domain` for any domain under it); a local mailbox (no `@`) always
/// goes to the local MTA. `%` and `!`, which some MTAs read as a route through another host,
/// are refused. A refused address is a dead letter at once, before `sendmail` runs.
package struct SendmailHandoff: DeliveryTransport {
    /// The `sendmail` executable (`/usr/sbin/sendmail`).
    package var executable: String
    /// Mail domains a recipient address may have (``HostAllowList`` names and `*.domain`s).
    package var allowDomains: [String]
    /// The envelope sender (`-f`): the address of `channels.mail.from`, so bounces go there
    /// and not to the daemon's user. Not a plain address (``HeaderText/isPlainAddress(_:)``):
    /// no `-f`, the MTA's default.
    package var sender: String?

    package init(executable: String = "/usr/sbin/sendmail", allowDomains: [String] = [], sender: String? = nil) {
        self.executable = executable
        self.allowDomains = allowDomains
        self.sender = sender
    }

    /// The arguments `sendmail` runs with.
    package var arguments: [String] {
        guard let sender, HeaderText.isPlainAddress(sender) else { return ["-t", "-oi"] }
        return ["-t", "-oi", "-f", sender]
    }

    /// Why `address` may not be handed to the MTA, or `nil` when it may.
    package func refusal(of address: String) -> String? {
        if address.contains("%") || address.contains("!") {
            return "'\(HeaderText.sanitized(address))' holds '%' or '!', which mail servers may read as a route "
                + "through another host; fix the rep's email field"
        }
        guard let at = address.lastIndex(of: "@") else { return nil }
        let raw = String(address[address.index(after: at)...])
        guard let domain = HostAllowList.canonicalName(raw),
            !HostAllowList(allowDomains).matching(name: domain, address: nil).isEmpty
        else {
            let hint =
                allowDomains.isEmpty
                ? "channels.mail.allow_domains is empty, so only local mailboxes get mail"
                : "allowed: \(allowDomains.joined(separator: ", "))"
            return "the mail domain '\(HeaderText.sanitized(raw.lowercased()))' of the rep's email is not in "
                + "channels.mail.allow_domains (\(hint)); add it there to allow it"
        }
        return nil
    }

    package func deliver(_ message: OutboundMessage) async -> DeliveryOutcome {
        guard HeaderText.isPlainAddress(message.target) else {
            return .deadLetter(reason: "'\(HeaderText.sanitized(message.target))' is not a mail address; fix the rep's email or mailbox field")
        }
        if let refused = refusal(of: message.target) { return .deadLetter(reason: refused) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
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
