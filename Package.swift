// swift-tools-version: 6.0
import PackageDescription

/// One target per phase of the pipeline; each is named for what it produces.
/// See docs/ARCHITECTURE.md for the table of phases, their inputs, outputs and entry points.
let package = Package(
    name: "herald",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .executable(name: "herald-bench", targets: ["herald-bench"]),
        .executable(name: "herald-fuzz", targets: ["herald-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, reached only through the thin Swift layers that own their pointers.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // The pipeline, phase by phase.
        .target(name: "HeraldSupport", dependencies: ["CLibCrypto"]),
        .target(name: "HeraldSource"),
        .target(name: "HeraldDiagnostics", dependencies: ["HeraldSource", "HeraldSupport"]),
        .target(name: "HeraldYAML", dependencies: ["HeraldSource", "HeraldDiagnostics", "CYAML"]),
        .target(name: "HeraldSyntax", dependencies: ["HeraldSource", "HeraldSupport", "HeraldDiagnostics", "HeraldYAML"]),
        .target(name: "HeraldSchema", dependencies: ["HeraldSyntax"]),
        .target(name: "HeraldChecker", dependencies: ["HeraldSchema", "HeraldSupport"]),
        .target(name: "HeraldPlan", dependencies: ["HeraldChecker", "HeraldSupport"]),
        .target(name: "HeraldSQL", dependencies: ["HeraldPlan"]),
        .target(name: "HeraldEmail", dependencies: ["HeraldChecker", "HeraldSupport", "CLibXML2"]),
        .target(name: "HeraldBundle", dependencies: ["HeraldSQL", "HeraldEmail"]),

        // Running what the pipeline produces: databases, sample data, the reference interpreter.
        .target(name: "HeraldDatabase", dependencies: ["HeraldSupport", "CSQLite", "CLibPQ"]),
        .target(name: "HeraldRuntime", dependencies: ["HeraldChecker", "HeraldSQL", "HeraldEmail", "HeraldDatabase"]),

        // The facade that chains the phases, and the command line on top of it.
        .target(name: "HeraldDriver", dependencies: ["HeraldBundle", "HeraldRuntime"]),
        .executableTarget(name: "herald", dependencies: [
            "HeraldDriver",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks (not tests): `swift run -c release herald-bench …`, see docs/BENCHMARKS.md.
        .executableTarget(name: "herald-bench", dependencies: [
            "HeraldDriver",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fuzzing: `scripts/fuzz TARGET SECONDS` builds it with libFuzzer; built normally it replays inputs.
        .target(name: "CHeraldFuzz"),
        .executableTarget(name: "herald-fuzz", dependencies: ["CHeraldFuzz", "HeraldDriver", "HeraldEmail", "HeraldSyntax", "HeraldYAML", "HeraldSource"]),

        // Tests: unit tests per phase, golden tests of compiler output, and tests on real engines.
        .target(name: "HeraldTestSupport", dependencies: ["HeraldDriver", "HeraldEmail", "HeraldDiagnostics", "HeraldSource"], path: "Tests/HeraldTestSupport"),
        .testTarget(name: "HeraldUnitTests", dependencies: ["HeraldDriver", "HeraldTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HeraldGoldenTests", dependencies: ["HeraldDriver", "HeraldEmail", "HeraldSource", "HeraldTestSupport"]),
        .testTarget(name: "HeraldEngineTests", dependencies: ["HeraldDriver", "HeraldTestSupport"], exclude: ["Fixtures"]),
    ]
)
