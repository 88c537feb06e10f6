import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// What went wrong on the way to a receiver, in words an admin can act on: the system
/// error by its name and the address that gave it ("connection refused (ECONNREFUSED) by
/// 127.0.0.1:8080"), not the wording of the socket call that noticed it (NIO reports a
/// refused connection as "connection reset (error set)").
enum ConnectionFailure {
    /// A one-line account of `error`; `nil` when it is not a connection or socket error.
    /// `peer` (`host:port`) is named for a socket error that does not carry its address.
    static func describe(_ error: any Error, peer: String? = nil) -> String? {
        if let error = error as? NIOConnectionError {
            if let dns = error.dnsAError ?? error.dnsAAAAError {
                return "cannot resolve '\(error.host)': \(describe(dns) ?? String(describing: dns))"
            }
            let each = error.connectionErrors.map { failure in
                (describe(failure.error) ?? String(describing: failure.error)) + " by " + address(failure.target)
            }
            return each.isEmpty ? "cannot connect to \(error.host):\(error.port)" : each.joined(separator: "; ")
        }
        if let error = error as? IOError { return errnoText(error.errnoCode) + (peer.map { " by " + $0 } ?? "") }
        return nil
    }

    /// `127.0.0.1:8080`, `[::1]:8080`.
    static func address(_ target: SocketAddress) -> String {
        guard let ip = target.ipAddress, let port = target.port else { return "\(target)" }
        return (ip.contains(":") ? "[\(ip)]" : ip) + ":\(port)"
    }

    /// The phrase and symbolic name of an `errno` met when connecting or talking to a peer.
    static func errnoText(_ code: CInt) -> String {
        let known: [CInt: (String, String)] = [
            ECONNREFUSED: ("connection refused", "ECONNREFUSED"), ECONNRESET: ("connection reset", "ECONNRESET"),
            ETIMEDOUT: ("connection timed out", "ETIMEDOUT"), EHOSTUNREACH: ("host unreachable", "EHOSTUNREACH"),
            ENETUNREACH: ("network unreachable", "ENETUNREACH"), ECONNABORTED: ("connection aborted", "ECONNABORTED"),
            EPIPE: ("connection closed while sending", "EPIPE"), EADDRNOTAVAIL: ("address not available", "EADDRNOTAVAIL"),
            EACCES: ("permission denied", "EACCES"), EPERM: ("operation not permitted", "EPERM"),
        ]
        if let known = known[code] { return "\(known.0) (\(known.1))" }
        let text = strerror(code).map { String(cString: $0) } ?? "error"
        return "\(text.lowercased()) (errno \(code))"
    }
}
