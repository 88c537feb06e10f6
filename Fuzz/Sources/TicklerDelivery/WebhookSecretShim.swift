// The daemon config parser imports TicklerDelivery for two names. This fuzz build replaces
// that module with this small one (the real one brings AsyncHTTPClient, swift-crypto and libsystemd
// into an instrumented build): WebhookFormat.swift is the real file (symlinked), and this is
// the one function taken from WebhookSecret.swift, whose file needs Crypto. Keep it in step
// with `WebhookSecret.isCredentialName` (docs/reliability.md).

/// Stands in for TicklerDelivery's `WebhookSecret` here: only the credential-name check.
package enum WebhookSecret {
    /// systemd credential names: no `/`, not `.` or `..`, printable.
    package static func isCredentialName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.utf8.count <= 255
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789_-.".unicodeScalars.contains($0))
            }
    }
}
