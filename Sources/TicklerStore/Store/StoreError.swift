/// The store directory, or one of its collection files, cannot be read at all.
///
/// Bad records never throw (they become diagnostics); this is for I/O failures, where
/// evaluating what little could be read would send wrong notices (every customer would
/// look uncontacted).
package struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Code: String, Sendable, Hashable {
        /// The store directory does not exist.
        case missingDirectory
        /// The store path names something that is not a directory.
        case notADirectory
        /// The directory or a collection file exists but cannot be listed or read.
        case unreadable
        /// A `.json` collection is larger than ``CollectionFileReader/maxArrayBytes``.
        case tooLarge
        /// A collection is not a regular file (a FIFO, a device, a socket, a folder), or a
        /// symbolic link in a store folder others can write (``CollectionFile``).
        case notRegularFile
        /// At a daemon's start, a collection that held records at its last good snapshot
        /// (``StoreSeen``) is missing or empty; no tick evaluates until it is back or has
        /// stayed so for the quiet period (``StoreStartCheck``).
        case goneSinceLastRun
    }

    package var code: Code
    /// The path that failed.
    package var path: String
    /// A sentence saying what is wrong and what to do.
    package var message: String

    package init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    package var description: String { "\(path): \(message)" }
}
