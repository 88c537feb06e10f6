import Foundation
package import TicklerDelivery

extension DaemonConfig.WebhookConfig {
    /// The secret named by `secret:`, read now (at start and on reload); `nil` when none is
    /// configured. Throws ``WebhookError`` when it cannot be read or is not a usable secret;
    /// the message never contains the secret.
    package func loadSecret(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WebhookError) -> WebhookSecret? {
        switch secret {
        case nil: nil
        case .credential(let name): try WebhookSecret.credential(name, environment: environment)
        case .file(let path): try WebhookSecret.file(path)
        }
    }

    /// The transport settings: timeout, secret, the office URL as trusted with its format
    /// (which decides how the secret signs), `allow_hosts`.
    package func transportConfiguration(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WebhookError) -> WebhookTransport.Configuration {
        WebhookTransport.Configuration(
            timeout: .seconds(timeout), secret: try loadSecret(environment: environment), trustedURLs: [url],
            officeFormat: WebhookFormat(rawValue: format) ?? .generic, allowHosts: allowHosts)
    }

    /// Where digests go: the office URL in `format`, reps' own URLs within `allow_hosts`.
    package var routes: WebhookRoutes {
        WebhookRoutes(officeURL: url, officeFormat: WebhookFormat(rawValue: format) ?? .generic, allowHosts: allowHosts)
    }
}
