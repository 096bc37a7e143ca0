import Dispatch
import HeraldSupport

/// The bundle's identity (`hash` in the manifest): SHA-256 over every file in sorted path order,
/// each as its path, a zero byte, its bytes and a zero byte (docs/bundle-format.md).
///
/// Campaign folders arrive a batch at a time, in path order, and are hashed on a thread of their
/// own while the next batch is produced: hashing every byte of the bundle on the caller's thread
/// left the other cores idle for a tenth of a second per thousand campaigns. The project-wide
/// files are merged in at their place in the order, computed meanwhile by `topLevel`.
final class BundleHash: @unchecked Sendable {
    private let queue = DispatchQueue(label: "herald.bundle-hash")
    /// At most two batches wait to be hashed, so a slow hash cannot fill memory with the bundle.
    private let room = DispatchSemaphore(value: 2)
    private let topLevel: BackgroundTask<[BundleFile]>
    // Touched only on `queue`.
    private var sha = SHA256()
    private var sortedTop: [BundleFile]?
    private var nextTop = 0

    init(topLevel: BackgroundTask<[BundleFile]>) { self.topLevel = topLevel }

    /// Hashes `files` (sorted by path, after every file added before) once the earlier batches are done.
    func add(_ files: [BundleFile]) {
        room.wait()
        queue.async {
            for f in files { self.hash(f) }
            self.room.signal()
        }
    }

    /// The digest in hexadecimal, once every batch is hashed.
    func finish() -> String {
        queue.sync {
            let top = sortedTopLevel()
            for t in top[nextTop...] { hashFile(t) }
            nextTop = top.count
            return Hex.encode(sha.finalize())
        }
    }

    private func hash(_ f: BundleFile) {
        let top = sortedTopLevel()
        while nextTop < top.count, top[nextTop].path < f.path {
            hashFile(top[nextTop])
            nextTop += 1
        }
        hashFile(f)
    }

    private func sortedTopLevel() -> [BundleFile] {
        if let sortedTop { return sortedTop }
        let top = topLevel.value.sorted { $0.path < $1.path }
        sortedTop = top
        return top
    }

    private func hashFile(_ f: BundleFile) {
        sha.update(f.path)
        sha.update([0])
        sha.update(f.bytes)
        sha.update([0])
    }
}

/// One file of the bundle: its path inside the bundle and its bytes.
struct BundleFile: Sendable {
    var path: String
    var bytes: [UInt8]
}
