import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who a command that writes the state directory runs as.
///
/// The state directory belongs to the daemon's user. An admin who runs `tickler serve --once`,
/// `tickler outbox retry` or `tickler ledger --config` as root must not leave root-owned files
/// there (the daemon could no longer write them), nor let root follow what the daemon's user
/// may have put there. So such a command, run as root, becomes the owner of the state
/// directory (its groups, group and user, for good) before it opens anything in it; when it
/// cannot, it refuses.
package enum StateOwner {
    /// Run as root, becomes the owner of `directory` (or of its nearest existing parent when it
    /// does not exist yet) unless that owner is root; does nothing for other users.
    ///
    /// Throws ``StateFileError`` when the switch fails; nothing has been written then.
    package static func adopt(stateDirectory directory: String) throws(StateFileError) {
        guard geteuid() == 0 else { return }
        var folder = directory.isEmpty ? "." : directory
        var info = stat()
        while stat(folder, &info) != 0 {
            let parent = (folder as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != folder else { return }
            folder = parent
        }
        let (uid, gid) = (info.st_uid, info.st_gid)
        guard uid != 0 else { return }
        let name = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        let groupsSet: Int32
        if let name {
            groupsSet = initgroups(name, gid)
        } else {
            var only = [gid]
            groupsSet = setgroups(1, &only)
        }
        guard groupsSet == 0, setgid(gid) == 0, setuid(uid) == 0, geteuid() == uid else {
            throw StateFileError(
                .open, path: directory, code: errno,
                detail: "running as root, cannot become its owner (uid \(uid)); run the command as that user")
        }
    }
}
