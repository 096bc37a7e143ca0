import Foundation

/// Where things are when tests run: the package root is found from this file's path, so tests do
/// not depend on the working directory.
public enum TestPaths {
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static func path(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// The `herald` executable built next to the test bundle (`swift build` builds it; `scripts/test` runs that first).
    public static var heraldBinary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("herald"),
            packageRoot.appendingPathComponent(".build/debug/herald"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
