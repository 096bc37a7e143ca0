import ArgumentParser

/// Benchmarks of Herald, run by hand and recorded in docs/BENCHMARKS.md (never as tests).
@main
struct HeraldBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald-bench",
        abstract: "Benchmarks of Herald: the SQL it generates on real engines, and the compiler itself.",
        subcommands: [SQLBench.self, CompileBench.self, CodegenBench.self])
}
