import Foundation
import TicklerDelivery
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A receiver that cannot be reached is named by its real error and address.
@Suite("Webhook connection failures")
struct ConnectionFailureTests {
    /// A loopback port nothing listens on: bound, read, closed.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("a refused connection is retried, its reason naming ECONNREFUSED and the address")
    func refused() async throws {
        let port = try Self.closedPort()
        let url = "http://127.0.0.1:\(port)/hook"
        let message = try WebhookPayloadTests.payload.message(to: url, format: .generic)
        let outcome = try await WebhookTransport.withTransport(configuration: .init(trustedURLs: [url])) {
            await $0.deliver(message)
        }
        guard case .retry(_, let reason) = outcome else {
            Issue.record("expected a retry, got \(outcome)")
            return
        }
        #expect(reason.contains("connection refused (ECONNREFUSED) by 127.0.0.1:\(port)"), "\(reason)")
        #expect(!reason.contains("error set"), "\(reason)")
    }
}
