import Foundation
import HeraldDiagnostics
import HeraldDriver
import HeraldEmail
import HeraldSource

/// Compiles a project (or one file of it) in process, as the command line does, with paths shown
/// relative to the package root.
public enum TestCompiler {
    public static func compile(_ relativePath: String) -> Compilation {
        Compilation.run(ProjectLoader.load(relativePath, workingDirectory: TestPaths.packageRoot))
    }

    /// Diagnostics as the command line prints them (no color), in the given format.
    public static func rendered(_ c: Compilation, format: DiagnosticFormat = .human) -> String {
        rendered(c.diagnostics, sources: c.sources, format: format)
    }

    public static func rendered(_ bag: DiagnosticBag, sources: SourceManager, format: DiagnosticFormat = .human) -> String {
        DiagnosticOutput.render(bag.sorted(using: sources), sources: sources, format: format, color: false)
    }

    /// The diagnostics of a project, campaign or segment file as `herald check` reports them, or of
    /// an email document (`.html`) as `herald validate` reports them.
    public static func diagnose(_ relativePath: String) -> (diagnostics: DiagnosticBag, sources: SourceManager) {
        guard relativePath.hasSuffix(".html") else {
            let c = compile(relativePath)
            return (c.diagnostics, c.sources)
        }
        let sources = SourceManager()
        let bytes = FileManager.default.contents(atPath: TestPaths.path(relativePath).path).map { [UInt8]($0) } ?? []
        let file = sources.add(path: relativePath, bytes: bytes)
        return (DocumentValidator.validate(file).1, sources)
    }
}
