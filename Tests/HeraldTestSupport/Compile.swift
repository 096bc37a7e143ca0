import Foundation
import HeraldDiagnostics
import HeraldDriver

/// Compiles a project (or one file of it) in process, as the command line does, with paths shown
/// relative to the package root.
public enum TestCompiler {
    public static func compile(_ relativePath: String) -> Compilation {
        Compilation.run(ProjectLoader.load(relativePath, workingDirectory: TestPaths.packageRoot))
    }

    /// Diagnostics as the command line prints them (no color), in the given format.
    public static func rendered(_ c: Compilation, format: DiagnosticFormat = .human) -> String {
        DiagnosticOutput.render(c.diagnostics.sorted(using: c.sources), sources: c.sources, format: format, color: false)
    }
}
