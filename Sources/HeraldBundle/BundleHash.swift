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
    /// `files` are the files at the top of the bundle; `folders` each folder's name and its files,
    /// sorted by name.
    static func of(files: [FileDigest], folders: [(name: String, files: [FileDigest])]) -> String {
        // A folder's paths sort together, where its name and `/` sort among the top-level names,
        // so ordering those keys orders every path; paths are ASCII (campaign names are slugs),
        // so Swift's order is `LC_ALL=C sort`'s.
        var units = files.map { (key: $0.name, lines: [$0]) }
        units += folders.map { folder in (key: folder.name + "/", lines: folder.files.map { FileDigest(name: folder.name + "/" + $0.name, sha256: $0.sha256) }) }
        var sha = SHA256()
        for unit in units.sorted(by: { $0.key < $1.key }) {
            for file in unit.lines {
                sha.update(file.sha256)
                sha.update("  ")
                sha.update(file.name)
                sha.update("\n")
            }
        }
        return Hex.encode(sha.finalize())
    }
}
