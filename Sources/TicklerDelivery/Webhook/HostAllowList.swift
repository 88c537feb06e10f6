import Foundation

/// `channels.webhook.allow_hosts` (and `channels.mail.allow_domains`), parsed: what a URL or
/// address taken from the store may point to.
///
/// An entry is a host name (`hooks.example.com`), a domain pattern (`*.office.example`: any
/// host under it), an IP address (`10.0.0.5`, `[fd00::5]`) or a network (`10.0.0.0/8`).
/// Names and addresses may carry a port (`hooks.example.com:8443`, `127.0.0.1:8080`), which
/// allows that port for them; without one only 443 is allowed. Names are compared in their
/// canonical form: IDNA (`bücher.example` is `xn--bcher-kva.example`), lower case, without a
/// trailing dot; a host written with percent-escapes is never matched.
package struct HostAllowList: Sendable, Hashable {
    /// What one entry matches.
    package enum Pattern: Sendable, Hashable {
        case name(String)
        /// Any host strictly under this domain.
        case domain(String)
        case address(IPAddress)
        case network(IPNetwork)
    }

    /// One entry: what it matches and the port it allows (`nil`: 443 only).
    package struct Entry: Sendable, Hashable {
        package var pattern: Pattern
        package var port: Int?

        /// A name or `*.domain`, not an address or network.
        package var isNamePattern: Bool {
            switch pattern {
            case .name, .domain: true
            case .address, .network: false
            }
        }
    }

    package var entries: [Entry]

    /// The entries of `texts` that parse (the config parser reports the others).
    package init(_ texts: [String]) {
        entries = texts.compactMap(Self.entry)
    }

    /// One entry, or `nil` when `text` is none of the forms above.
    package static func entry(_ text: String) -> Entry? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if let network = IPNetwork(cidr: text) { return Entry(pattern: .network(network), port: nil) }
        var port: Int?
        if let colon = text.lastIndex(of: ":"), text.hasPrefix("[") ? text[..<colon].hasSuffix("]") : !text[..<colon].contains(":") {
            guard let number = Int(text[text.index(after: colon)...]), (1...65535).contains(number) else { return nil }
            port = number
            text = String(text[..<colon])
        }
        if let address = IPAddress(literal: text) { return Entry(pattern: .address(address), port: port) }
        if text.hasPrefix("*.") {
            guard let domain = canonicalName(String(text.dropFirst(2))) else { return nil }
            return Entry(pattern: .domain(domain), port: port)
        }
        guard let name = canonicalName(text) else { return nil }
        return Entry(pattern: .name(name), port: port)
    }

    /// A host name in canonical form (IDNA ASCII, lower case, no trailing dot), or `nil` when
    /// it is not a plain host name (percent-escapes, spaces, a path, an empty label).
    package static func canonicalName(_ name: String) -> String? {
        var name = name
        while name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, !name.contains("%"), !name.hasPrefix("."), !name.contains(".."),
            let host = URL(string: "https://" + name + "/")?.host, !host.contains("%")
        else { return nil }
        let canonical = host.lowercased()
        let allowed = canonical.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || "0123456789-.".unicodeScalars.contains($0))
        }
        return allowed ? canonical : nil
    }

    /// The entries whose pattern matches the host `name` (canonical) or the address `address`.
    package func matching(name: String?, address: IPAddress?) -> [Entry] {
        entries.filter { entry in
            switch entry.pattern {
            case .name(let allowed): name == allowed
            case .domain(let domain): name.map { $0.hasSuffix("." + domain) } ?? false
            case .address(let allowed): address == allowed
            case .network(let network): address.map(network.contains) ?? false
            }
        }
    }

    /// Whether `address` (one a host resolved to) is listed by an address or network entry.
    func lists(_ address: IPAddress) -> Bool {
        !matching(name: nil, address: address).isEmpty
    }
}
