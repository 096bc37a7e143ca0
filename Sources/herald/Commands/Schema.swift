import ArgumentParser
import Foundation
import HeraldSyntax

/// `herald schema [KIND] [-o DIR]`: JSON Schemas of the project's files, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a project file kind (project, schema, segment, campaign), for editors.",
        discussion: """
        With -o DIR, writes all four as DIR/KIND.schema.json. For yaml-language-server, map them in the editor settings
        (`yaml.schemas`) to herald.yaml, schema.yaml, segments/*.yaml and campaigns/*.yaml.
        """)

    @Argument(help: "project, schema, segment or campaign.")
    var kind: String?

    @Option(name: .shortAndLong, help: "Write every schema into this folder.")
    var output: String?

    func validate() throws {
        if let kind, !FileSchemas.kinds.contains(kind) { throw ValidationError("KIND must be one of: \(FileSchemas.kinds.joined(separator: ", ")).") }
        if kind == nil && output == nil { throw ValidationError("Give a KIND, or -o DIR for all of them.") }
    }

    func run() throws {
        if let output {
            let dir = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for k in FileSchemas.kinds {
                try Data((FileSchemas.schema(k)!.prettyText() + "\n").utf8).write(to: dir.appendingPathComponent("\(k).schema.json"))
            }
            return
        }
        print(FileSchemas.schema(kind!)!.prettyText())
    }
}
