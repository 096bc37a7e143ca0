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
    /// sorted by name; each file with the hexadecimal SHA-256 of its bytes.
    static func of(files: [(name: String, sha256: String)], folders: [(name: String, files: [(name: String, sha256: String)])]) -> String {
        // A folder's paths sort together, where its name and `/` sort among the top-level names,
        // so ordering those keys orders every path; paths are ASCII (campaign names are slugs),
        // so Swift's order is `LC_ALL=C sort`'s.
        var sha = SHA256()
        func line(_ digest: String, _ path: String) {
            sha.update(digest)
            sha.update("  ")
            sha.update(path)
            sha.update("\n")
        }
        let units = files.map { (key: $0.name, folder: -1, file: $0) } + folders.indices.map { (key: folders[$0].name + "/", folder: $0, file: (name: "", sha256: "")) }
        for unit in units.sorted(by: { $0.key < $1.key }) {
            if unit.folder < 0 {
                line(unit.file.sha256, unit.file.name)
            } else {
                for f in folders[unit.folder].files { line(f.sha256, unit.key + f.name) }
            }
        }
        return Hex.encode(sha.finalize())
    }
}
