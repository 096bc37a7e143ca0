import HeraldSupport

/// The bundle's identity (`hash` in the manifest): SHA-256 over the list of every other file's
/// SHA-256, one line per file in sorted path order, as `sha256sum` prints it (the hexadecimal
/// digest, two spaces, the path, a newline). docs/bundle-format.md has the shell command that
/// recomputes it.
///
/// Over the file hashes rather than over every byte again: each file is hashed once, for the
/// manifest, and the bundle's hash reads 80 bytes per file instead of the file. Hashing every
/// byte twice was a tenth of `herald build`'s processor time on a large project; identity is
/// the same, since a file's bytes change its digest and so the list.
enum BundleHash {
    /// `digests` maps each file's path in the bundle to the hexadecimal SHA-256 of its bytes.
    static func of(_ digests: [String: String]) -> String {
        var sha = SHA256()
        // Paths are ASCII (campaign names are slugs), so Swift's order is `LC_ALL=C sort`'s.
        for path in digests.keys.sorted() {
            sha.update(digests[path]!)
            sha.update("  ")
            sha.update(path)
            sha.update("\n")
        }
        return Hex.encode(sha.finalize())
    }
}
