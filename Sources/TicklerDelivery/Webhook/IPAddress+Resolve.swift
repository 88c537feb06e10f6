import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

// Apart from IPAddress.swift so that the address model stays Foundation-only (the fuzz
// package compiles it with the daemon config parser, without NIO).
extension IPAddress {
    /// The addresses `host` resolves to for `port`, looked up on NIO's blocking-I/O pool (never
    /// on the Swift concurrency pool). Throws when the name does not resolve.
    package static func resolve(_ host: String, port: Int) async throws -> [IPAddress] {
        try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0 else {
                throw WebhookError(.hostUnresolved, "cannot resolve '\(host)': \(String(cString: gai_strerror(status)))")
            }
            defer { freeaddrinfo(list) }
            var found: [IPAddress] = []
            var next = list
            while let entry = next?.pointee {
                if entry.ai_family == AF_INET, let raw = entry.ai_addr {
                    let bytes = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                    }
                    found.append(IPAddress(bytes: bytes))
                } else if entry.ai_family == AF_INET6, let raw = entry.ai_addr {
                    let bytes = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                    }
                    found.append(IPAddress(bytes: bytes))
                }
                next = entry.ai_next
            }
            return found
        }
    }
}
