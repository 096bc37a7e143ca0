import Foundation

/// Golden files: compare output with the file beside its input, or rewrite the file when
/// `HERALD_UPDATE_GOLDENS=1` (then review the diff before committing).
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDENS"] == "1" }

    /// Nil when `actual` matches the expected file (or the file was rewritten); otherwise a message with a diff.
    public static func check(_ actual: String, against file: URL) -> String? {
        if updating {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: file)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return "missing golden file \(relative(file)); run the tests with HERALD_UPDATE_GOLDENS=1 to create it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return nil }
        return "output differs from \(relative(file)) (HERALD_UPDATE_GOLDENS=1 rewrites it):\n" + diff(expected, actual)
    }

    static func relative(_ url: URL) -> String {
        let root = TestPaths.packageRoot.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.lastPathComponent
    }

    /// The first differing lines, enough to see what changed.
    public static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : "<end>", y = i < a.count ? a[i] : "<end>"
            if x != y {
                out.append("line \(i + 1):\n  expected: \(x)\n  actual:   \(y)")
                if out.count >= 5 { break }
            }
        }
        return out.joined(separator: "\n")
    }
}
