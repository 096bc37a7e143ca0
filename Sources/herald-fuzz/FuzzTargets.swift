import Foundation
import HeraldDriver
import HeraldEmail
import HeraldSource
import HeraldSyntax
import HeraldYAML

/// What each fuzz target feeds its input to. Every target must return normally for every input:
/// a crash, a hang or an unbounded allocation is a finding (`scripts/fuzz TARGET SECONDS`).
enum FuzzTarget: String, CaseIterable {
    /// The YAML reader on libyaml, with the standard limits.
    case yaml
    /// The audience expression parser.
    case expression
    /// The Liquid template parser.
    case template
    /// The HTML and AMP validators of `herald validate`.
    case html
    /// The whole `check` pipeline on one campaign file of the example project.
    case check

    func run(_ bytes: [UInt8]) {
        switch self {
        case .yaml:
            let sources = SourceManager()
            _ = YAMLReader.read(sources.add(path: "fuzz.yaml", bytes: bytes))
        case .expression:
            let sources = SourceManager()
            let file = sources.add(path: "fuzz.txt", bytes: bytes)
            _ = ExpressionParser.parse(LocatedText(verbatim: file.text, file: file.id, offset: 0))
        case .template:
            let sources = SourceManager()
            let file = sources.add(path: "fuzz.html", bytes: bytes)
            _ = TemplateParser.parse(LocatedText(verbatim: file.text, file: file.id, offset: 0))
        case .html:
            let sources = SourceManager()
            _ = DocumentValidator.validate(sources.add(path: "fuzz.html", bytes: bytes))
        case .check:
            let file = FuzzProject.campaign
            guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else { fatalError("cannot write \(file.path)") }
            _ = Compilation.run(ProjectLoader.load(file.path), keepingMessages: false)
        }
    }
}

/// A copy of the example project (made once per process) whose one campaign file the `check`
/// target rewrites for every input.
enum FuzzProject {
    static let campaign: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let shop = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HERALD_FUZZ_PROJECT"] ?? "examples/shop")
        try? FileManager.default.copyItem(at: shop, to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("campaigns"))
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        return root.appendingPathComponent("campaigns/fuzz.yaml")
    }()
}
