extension Tickler {
    /// The release version: `tickler --version` prints it and packaging/build-deb.sh reads it
    /// from this line as the Debian package version (the single source of the version).
    static let version = "0.1.0"
}
