import Foundation

/// The registry of every file a run has read; hands out `FileID`s and resolves spans for display.
///
/// Thread-safe: phases that run in parallel may register files (layouts, for example) concurrently.
public final class SourceManager: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [SourceFile] = []
    private var byPath: [String: FileID] = [:]

    public init() {}

    /// Registers bytes under a display path and returns the new file.
    @discardableResult
    public func add(path: String, bytes: [UInt8]) -> SourceFile {
        lock.lock()
        defer { lock.unlock() }
        let file = SourceFile(id: FileID(UInt32(files.count)), path: path, bytes: bytes)
        files.append(file)
        byPath[path] = file.id
        return file
    }

    @discardableResult
    public func add(path: String, text: String) -> SourceFile {
        add(path: path, bytes: Array(text.utf8))
    }

    public func file(_ id: FileID) -> SourceFile? {
        lock.lock()
        defer { lock.unlock() }
        let i = Int(id.index)
        return i < files.count ? files[i] : nil
    }

    public func file(path: String) -> SourceFile? {
        lock.lock()
        defer { lock.unlock() }
        return byPath[path].map { files[Int($0.index)] }
    }

    public var allFiles: [SourceFile] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// `path:line:col` of a span's start, as diagnostics print it.
    public func describe(_ span: Span) -> String {
        guard let f = file(span.file) else { return "<unknown>" }
        return "\(f.path):\(f.location(of: Int(span.start)))"
    }
}
