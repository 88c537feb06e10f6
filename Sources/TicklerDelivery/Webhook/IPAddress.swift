import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 address, as a URL's host or a resolved address, with the ranges a webhook
/// from store data must not reach unless the admin lists them (loopback, link-local, private).
package struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 (IPv6); an IPv4-mapped IPv6 address is kept as its IPv4 address.
    package var bytes: [UInt8]

    init(bytes: [UInt8]) {
        if bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            self.bytes = Array(bytes[12..<16])
        } else {
            self.bytes = bytes
        }
    }

    /// The address written as `text`: dotted IPv4, IPv6 (brackets allowed), and the legacy
    /// IPv4 forms resolvers still accept (`127.1`, `0x7f000001`, `2130706433`), so none of
    /// them slips past as a "name". `nil` for a host name.
    package init?(literal text: String) {
        var text = text
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            self.init(bytes: withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        var v4 = in_addr()
        guard inet_aton(text, &v4) == 1 else { return nil }
        self.init(bytes: withUnsafeBytes(of: &v4) { Array($0) })
    }

    package var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What kind of internal address this is ("loopback", "private", ...), or `nil` for a
    /// public one.
    package var internalKind: String? {
        for (network, kind) in Self.internalRanges where network.contains(self) { return kind }
        return nil
    }

    private static let internalRanges: [(IPNetwork, String)] = [
        ("0.0.0.0/8", "unspecified"), ("127.0.0.0/8", "loopback"), ("10.0.0.0/8", "private"),
        ("172.16.0.0/12", "private"), ("192.168.0.0/16", "private"), ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("169.254.0.0/16", "link-local"), ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"), ("::1/128", "loopback"), ("fc00::/7", "private (unique local)"),
        ("fe80::/10", "link-local"), ("ff00::/8", "multicast"),
    ].map { (IPNetwork(cidr: $0.0)!, $0.1) }
}

/// An address range written `ADDRESS/BITS` (`10.0.0.0/8`, `fd00::/8`).
package struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    package var address: IPAddress
    package var bits: Int

    /// Parses `ADDRESS/BITS`; `nil` when it is not one.
    package init?(cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(literal: String(parts[0])), let bits = Int(parts[1]),
            (0...address.bytes.count * 8).contains(bits)
        else { return nil }
        self.address = address
        self.bits = bits
    }

    /// Whether `other` lies in the range (an IPv4 address never lies in an IPv6 range).
    package func contains(_ other: IPAddress) -> Bool {
        guard other.bytes.count == address.bytes.count else { return false }
        var left = bits
        for (a, b) in zip(address.bytes, other.bytes) {
            guard left > 0 else { return true }
            let mask: UInt8 = left >= 8 ? 0xFF : ~(0xFF >> UInt8(left))
            if a & mask != b & mask { return false }
            left -= 8
        }
        return true
    }

    package var description: String { "\(address)/\(bits)" }
}
