import Foundation
package import TicklerCore
import TicklerDelivery

/// Whether every channel the config turns on can be set up here: the webhook secret can be
/// read and is usable, the mail spool exists (and the folder a Maildir is made in), `sendmail`
/// can be run.
///
/// `tickler serve` refuses to start with these problems (exit 1, the message on stderr and
/// in the journal: a channel that silently stays off loses every notice meant for it), a
/// reload that has them keeps the running channels, and `tickler check --config` reports
/// them the same way.
package enum ChannelSetupCheck {
    /// The problems, each at the channel's place in the config file; empty when all is well.
    /// `outsideService`: a credential secret cannot be read outside the service (no
    /// `CREDENTIALS_DIRECTORY`), so it is a warning there, not an error.
    package static func problems(
        _ config: DaemonConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
        outsideService: Bool = false
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let fileStart = SourceLocation(file: config.file, line: 1, column: 1)
        if let webhook = config.webhook {
            let at = config.channelLocations["webhook"] ?? fileStart
            if case .credential(let name) = webhook.secret, outsideService,
                environment["CREDENTIALS_DIRECTORY"]?.isEmpty ?? true
            {
                problems.append(
                    Diagnostic(
                        at,
                        "the webhook secret is the systemd credential '\(name)', which only the service "
                            + "can read; it is checked when `tickler serve` starts",
                        severity: .warning))
            } else {
                do {
                    _ = try webhook.transportConfiguration(environment: environment)
                } catch {
                    problems.append(Diagnostic(at, "the webhook channel cannot start: \(error.message)"))
                }
            }
        }
        if let mail = config.mail {
            let at = config.channelLocations["mail"] ?? fileStart
            if let problem = mailProblem(mail.target) { problems.append(Diagnostic(at, problem)) }
        }
        return problems
    }

    /// Why the mail target cannot be used, or `nil`.
    static func mailProblem(_ target: DaemonConfig.MailConfig.Target) -> String? {
        var isDirectory: ObjCBool = false
        switch target {
        case .spool(let folder):
            // Appends go into existing spool folders only (Debian's /var/mail, root:mail 2775).
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                return "the mail channel cannot start: the spool folder \(folder) does not exist; create it "
                    + "(Debian: /var/mail, root:mail, mode 2775) or fix channels.mail.spool"
            }
        case .maildir(let folder):
            // The Maildir folder itself is made at the first delivery; the folder it is in is not.
            let parent = (folder as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                return "the mail channel cannot start: \(parent), the folder of the Maildir folder "
                    + "\(folder), does not exist; create it or fix channels.mail.maildir"
            }
        case .sendmail(let program):
            guard FileManager.default.isExecutableFile(atPath: program) else {
                return "the mail channel cannot start: \(program) is not an executable program; install an MTA "
                    + "(e.g. postfix) or fix channels.mail.sendmail"
            }
        }
        return nil
    }
}
