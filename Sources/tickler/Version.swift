extension Tickler {
    /// The release version: the first line of `tickler --version`, and packaging/build-deb.sh reads it
    /// from this line as the Debian package version (the single source of the version).
    static let version = "0.1.0"

    /// What `tickler --version` prints: the version, then the licence (LICENSE, NOTICE).
    static let versionText = """
        \(version)
        Licensed under the Apache License, Version 2.0 (LICENSE; the packages linked in keep their
        own licences, listed in /usr/share/doc/tickler/copyright).
        """
}
