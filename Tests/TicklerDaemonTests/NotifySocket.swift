import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The test's end of `NOTIFY_SOCKET`: a unix datagram socket that collects what the daemon
/// tells the service manager (`READY=1`, `STATUS=...`).
final class NotifySocket {
    let path: String
    private let fd: Int32
    private(set) var messages: [String] = []
    private var consumed = 0

    init() throws {
        path = NSTemporaryDirectory() + "tickler-notify-\(UUID().uuidString.prefix(8))"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un(path: path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard fd >= 0, bound == 0 else { throw TestFailure("cannot bind \(path)") }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// The next message, after the last one matched, that satisfies `predicate`; `nil` after
    /// `within` seconds (20 by default: a bound on a broken daemon, not a timing assertion).
    func waitFor(_ predicate: (String) -> Bool, within: TimeInterval = 20) -> String? {
        let deadline = Date().addingTimeInterval(within)
        if let i = messages[consumed...].firstIndex(where: predicate) {
            consumed = i + 1
            return messages[i]
        }
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { continue }
            let message = String(decoding: buffer[0..<n], as: UTF8.self)
            messages.append(message)
            if predicate(message) {
                consumed = messages.count
                return message
            }
        }
        return nil
    }
}
