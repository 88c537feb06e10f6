import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// The bodies of the outbox's messages, one file each in `outbox.d/` of the state folder,
/// outside `outbox.log`: the log and the outbox's index stay small whatever the messages
/// weigh, and a body is read only when its message is claimed for delivery.
///
/// Each body is written whole through ``RecordFile/replace(with:)`` (temp file, `fsync`,
/// `rename`) before the log line that refers to it: the message's bytes as they are,
/// then a newline that marks the file complete; it is read back in one allocation of its
/// exact size (``FileBytes``). Body files are opened through ``StatePath`` like every state file.
package struct OutboxBodies: Sendable {
    /// The folder of body files.
    package let folder: String

    package init(stateDirectory: String) {
        folder = stateDirectory + "/outbox.d"
    }

    /// The file name of message `id`: the id itself when it is a plain name, else its
    /// UTF-8 bytes in hex (ids come from our own digests, but the file system must never
    /// see a `/` or `..` from one).
    package static func fileName(_ id: String) -> String {
        let plain = !id.isEmpty && id.utf8.count <= 200 && id.first != "."
            && id.utf8.allSatisfy { $0 < 0x80 && (isalnum(Int32($0)) != 0 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")) }
        if plain { return id }
        return "x-" + id.utf8.prefix(120).map { String(format: "%02x", $0) }.joined()
    }

    private func path(_ id: String) -> String { folder + "/" + Self.fileName(id) }

    /// Writes the body of message `id` durably (the folder itself is synced by ``sync()``).
    ///
    /// Throws ``StateFileError`` when it cannot be written.
    package func write(_ id: String, _ body: [UInt8]) throws(StateFileError) {
        try RecordFile.makeDirectory(folder)
        try checkFolder()
        try RecordFile(path(id)).replace(with: [Data(body)])
    }

    /// Refuses an `outbox.d` that is not a plain folder (a symbolic link planted in the state
    /// folder would send the bodies, or the reads, elsewhere); the files in it are opened
    /// through ``StatePath``.
    private func checkFolder() throws(StateFileError) {
        var info = stat()
        guard lstat(folder, &info) == 0 else { throw StateFileError(.open, path: folder) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StateFileError(
                .open, path: folder, code: EPERM,
                detail: "refused: the outbox's body folder is not a folder (a symbolic link or a file), which the "
                    + "daemon never creates; remove it and find out who put it there")
        }
    }

    /// Makes the bodies written so far survive a crash (an `fsync` of the folder).
    package func sync() {
        RecordFile.syncDirectory(of: path("x"))
    }

    /// The largest body read back (a digest of thousands of notices is a few MiB).
    static let maxBytes = 256 << 20

    /// The body of message `id`, or `nil` when its file is missing or damaged.
    package func read(_ id: String) -> [UInt8]? {
        guard (try? checkFolder()) != nil, let fd = try? StatePath.open(path(id), O_RDONLY) else { return nil }
        defer { close(fd) }
        guard var bytes = try? FileBytes.read(FileDescriptor(rawValue: fd), maxBytes: Self.maxBytes),
            bytes.last == UInt8(ascii: "\n")
        else { return nil }
        bytes.removeLast()
        return bytes
    }

    /// Removes the body of message `id` (delivered or dropped), if there is one.
    package func remove(_ id: String) {
        unlink(path(id))
    }

    /// Removes every body file that belongs to none of `ids` (left by a drop from
    /// `tickler outbox`, or by a crash between writing a body and logging its message).
    package func sweep(keeping ids: Set<String>) {
        let kept = Set(ids.map(Self.fileName))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !kept.contains(name) {
            unlink(folder + "/" + name)
        }
    }
}
