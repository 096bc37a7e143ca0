import Dispatch
import Foundation
import HeraldDiagnostics
import HeraldSource
import HeraldSupport
import HeraldSyntax
import HeraldYAML

/// The reader phase: finds the project folder, reads its files into a `SourceManager` and parses
/// them into a `ProjectSyntaxTree`.
public struct LoadedProject: Sendable {
    public var root: URL
    public var sources: SourceManager
    public var tree: ProjectSyntaxTree
    public var diagnostics: DiagnosticBag
    /// When the command named one file, its id: only it (and what it uses) is checked.
    public var focus: FileID?
}

/// Which files of a project to read, when not all of them: what the incremental check reads to
/// re-check one campaign (the segments it may reference, the layouts it names).
public struct LoadSubset: Sendable {
    /// Segment files to read, relative to the project folder.
    public var segments: Set<String>
    /// Read only the layouts the loaded campaigns name.
    public var onlyNamedLayouts: Bool

    public init(segments: Set<String>, onlyNamedLayouts: Bool = true) {
        self.segments = segments
        self.onlyNamedLayouts = onlyNamedLayouts
    }
}

public enum ProjectLoader {
    /// Loads the project containing `path` (the folder itself, or a file inside it).
    public static func load(_ path: String, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                            subset: LoadSubset? = nil) -> LoadedProject {
        let sources = SourceManager()
        var diagnostics = DiagnosticBag()
        let base = URL(fileURLWithPath: workingDirectory.path, isDirectory: true)
        let target = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        var root = isDirectory.boolValue ? target : target.deletingLastPathComponent()
        var focusPath: String?
        if exists && !isDirectory.boolValue { focusPath = target.path }
        // Walk up to the folder holding herald.yaml.
        var probe = root
        var found = false
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: probe.appendingPathComponent("herald.yaml").path) {
                root = probe
                found = true
                break
            }
            let parent = probe.deletingLastPathComponent()
            if parent.path == probe.path { break }
            probe = parent
        }
        let empty = ProjectSyntaxTree(project: nil, schema: nil, segments: [], campaigns: [], layouts: [:], limits: .standard)
        guard exists else {
            diagnostics.emit(Diagnostic(.fileUnreadable, "`\(path)` does not exist.", at: nil))
            return LoadedProject(root: root, sources: sources, tree: empty, diagnostics: diagnostics, focus: nil)
        }
        guard found else {
            diagnostics.emit(Diagnostic(.missingProjectFile, "`\(path)` is not inside a Herald project: no `herald.yaml` was found.", at: nil)
                .help("Run the command on the project folder, the one holding `herald.yaml` and `schema.yaml`."))
            return LoadedProject(root: root, sources: sources, tree: empty, diagnostics: diagnostics, focus: nil)
        }
        let display = DisplayPaths(root: root, workingDirectory: workingDirectory)

        func read(_ url: URL, limit: Int) -> SourceFile? { add(display.path(url), FileBytes.read(url.path, limit: limit), limit: limit) }

        /// A file read into the sources, or the diagnostic saying why it was not.
        func add(_ shown: String, _ outcome: FileBytes.Outcome, limit: Int) -> SourceFile? {
            switch outcome {
            case .bytes(let bytes): return sources.add(path: shown, bytes: bytes)
            case .tooLarge(let size):
                let file = sources.add(path: shown, bytes: [])
                diagnostics.emit(Diagnostic(.fileTooLarge, "`\(shown)` is \(size) bytes, more than the limit of \(limit).", at: file.wholeSpan)
                    .help("Raise `limits.file_bytes` in `herald.yaml` if the file is legitimate."))
            case .unreadable:
                diagnostics.emit(Diagnostic(.fileUnreadable, "`\(shown)` cannot be read.", at: nil))
            }
            return nil
        }

        /// The files of a folder read on every core and added to the sources in name order (file
        /// ids, like diagnostics, must not depend on timing); paths are joined as text, not as
        /// URLs, for thousands of files.
        func readAll(_ folder: URL, _ names: [String], limit: Int) -> [(path: String, file: SourceFile)] {
            let folderPath = folder.path, prefix = display.shownPrefix.map { $0 + folder.lastPathComponent + "/" }
            let outcomes = ParallelResults<FileBytes.Outcome>(count: names.count)
            DispatchQueue.concurrentPerform(iterations: names.count) { i in outcomes.set(i, FileBytes.read(folderPath + "/" + names[i], limit: limit)) }
            var out: [(path: String, file: SourceFile)] = []
            for (name, outcome) in zip(names, outcomes.values) {
                let path = folderPath + "/" + name
                let shown = prefix.map { $0 + name } ?? display.path(folder.appendingPathComponent(name))
                if let outcome, let file = add(shown, outcome, limit: limit) { out.append((path, file)) }
            }
            return out
        }

        func yaml(_ file: SourceFile, limits: YAMLLimits) -> YAMLNode? { ProjectLoader.yaml(file, limits: limits, diagnostics: &diagnostics) }

        // herald.yaml first: its limits apply to everything else.
        var project: ProjectSyntax?
        if let f = read(root.appendingPathComponent("herald.yaml"), limit: ProjectLimits.standard.fileBytes),
           let node = yaml(f, limits: .standard) {
            project = ProjectSyntax.read(node, diagnostics: &diagnostics)
        }
        let limits = ProjectLimits(project)
        var schema: SchemaSyntax?
        let schemaURL = root.appendingPathComponent("schema.yaml")
        if !FileManager.default.fileExists(atPath: schemaURL.path) {
            diagnostics.emit(Diagnostic(.missingProjectFile, "The project has no `schema.yaml`.", at: nil)
                .help("Describe the customer profile, events and relations in `schema.yaml` next to `herald.yaml`."))
        } else if let f = read(schemaURL, limit: limits.fileBytes), let node = yaml(f, limits: limits.yaml) {
            schema = SchemaSyntax.read(node, limits: limits.syntax.expression, diagnostics: &diagnostics)
        }
        var focus: FileID?
        // Names are filtered before URLs are made: an incremental check of one file in a
        // repository of thousands should not build thousands of URLs.
        let yamlLimits = limits.yaml, syntaxLimits = limits.syntax
        let segmentFolder = root.appendingPathComponent("segments")
        let segmentNames = names(in: segmentFolder, extensions: ["yaml", "yml"]).filter { subset?.segments.contains("segments/" + $0) ?? true }
        let segmentFiles = readAll(segmentFolder, segmentNames, limit: limits.fileBytes)
        if let match = segmentFiles.first(where: { $0.path == focusPath }) { focus = match.file.id }
        let segments = parseAll(segmentFiles.map(\.file), limits: yamlLimits, diagnostics: &diagnostics) { node, d in
            SegmentSyntax.read(node, limits: syntaxLimits.expression, diagnostics: &d)
        }
        let campaignFolder = root.appendingPathComponent("campaigns")
        let campaignPrefix = campaignFolder.path + "/"
        let campaignNames = names(in: campaignFolder, extensions: ["yaml", "yml"]).filter { name in
            // With a focus file, other campaigns are not read at all.
            guard let focusPath, focusPath.hasSuffix(".yaml") || focusPath.hasSuffix(".yml"),
                  !focusPath.hasSuffix("herald.yaml"), !focusPath.hasSuffix("schema.yaml") else { return true }
            return campaignPrefix + name == focusPath
        }
        let campaignFiles = readAll(campaignFolder, campaignNames, limit: limits.fileBytes)
        if let match = campaignFiles.first(where: { $0.path == focusPath }) { focus = match.file.id }
        let campaigns = parseAll(campaignFiles.map(\.file), limits: yamlLimits, diagnostics: &diagnostics) { node, d in
            CampaignSyntax.read(node, limits: syntaxLimits, diagnostics: &d)
        }
        var layouts: [String: LayoutSyntax] = [:]
        let named = Set(campaigns.compactMap { $0.message?.layout?.value }.map { p in p.hasPrefix("./") ? String(p.dropFirst(2)) : p })
        let layoutFolder = root.appendingPathComponent("layouts")
        let layoutNames = names(in: layoutFolder, extensions: ["html", "htm"]).filter { name in
            guard let subset, subset.onlyNamedLayouts else { return true }
            return named.contains("layouts/" + name)
        }
        // Layouts are tens of kilobytes each and shared by many campaigns: parsed on every core
        // too, where one after another they kept the other cores idle.
        let layoutFiles = readAll(layoutFolder, layoutNames, limit: limits.htmlBytes)
        let parsedLayouts = ParallelResults<(LayoutSyntax, [Diagnostic])>(count: layoutFiles.count)
        DispatchQueue.concurrentPerform(iterations: layoutFiles.count) { i in
            parsedLayouts.set(i, LayoutSyntax.read(layoutFiles[i].file, limits: syntaxLimits))
        }
        for (file, parsed) in zip(layoutFiles, parsedLayouts.values) {
            guard let (layout, d) = parsed else { continue }
            diagnostics.merge(d)
            layouts[String(file.path.dropFirst(root.path.count + 1))] = layout
        }
        let tree = ProjectSyntaxTree(project: project, schema: schema, segments: segments, campaigns: campaigns, layouts: layouts, limits: limits)
        return LoadedProject(root: root, sources: sources, tree: tree, diagnostics: diagnostics, focus: focus)
    }

    /// Files parsed on every core (libyaml with one parser per file), their results and
    /// diagnostics taken in file order so that nothing depends on timing.
    static func parseAll<Syntax: Sendable>(_ files: [SourceFile], limits: YAMLLimits, diagnostics: inout DiagnosticBag,
                                           _ read: @escaping @Sendable (YAMLNode, inout DiagnosticBag) -> Syntax) -> [Syntax] {
        let parsed = ParallelResults<(Syntax?, DiagnosticBag)>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            var d = DiagnosticBag()
            let syntax = ProjectLoader.yaml(files[i], limits: limits, diagnostics: &d).map { read($0, &d) }
            parsed.set(i, (syntax, d))
        }
        var out: [Syntax] = []
        for case let (syntax, d)? in parsed.values {
            diagnostics.merge(d)
            if let syntax { out.append(syntax) }
        }
        return out
    }

    /// A file's YAML document, which must be a mapping (diagnostics say why not).
    static func yaml(_ file: SourceFile, limits: YAMLLimits, diagnostics: inout DiagnosticBag) -> YAMLNode? {
        let result = YAMLReader.read(file, limits: limits)
        diagnostics.merge(result.diagnostics)
        if result.root == nil && result.diagnostics.isEmpty {
            diagnostics.emit(Diagnostic(.emptyDocument, "The file is empty.", at: file.wholeSpan)
                .help("Every Herald file is a mapping of keys to values; delete the file or fill it in."))
        } else if let r = result.root, r.pairs == nil, result.diagnostics.isEmpty {
            diagnostics.emit(Diagnostic(.wrongNodeKind, "The file must be a mapping of keys to values, not \(r.shapeDescription).", at: r.span))
            return nil
        }
        return result.root
    }

    /// The names of regular files with one of the extensions directly in a folder, sorted.
    static func names(in folder: URL, extensions: Set<String>) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { name in
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
            return extensions.contains(name[name.index(after: dot)...].lowercased())
        }
    }
}

/// Paths as users see them: relative to the working directory when the project is below it,
/// otherwise relative to the project folder. Never absolute.
struct DisplayPaths {
    let root: URL
    let workingDirectory: URL

    /// What precedes a project-relative path when it is shown (`""` or `sub/project/`), so that
    /// thousands of paths are shown without building URLs (the check cache does).
    /// Nil when the working directory is inside the project, where each path needs `path(_:)`.
    var shownPrefix: String? {
        let r = root.standardizedFileURL.path, cwd = workingDirectory.standardizedFileURL.path
        if cwd.hasPrefix(r + "/") { return nil }
        if r.hasPrefix(cwd + "/") { return String(r.dropFirst(cwd.count + 1)) + "/" }
        return ""
    }

    /// A displayed path (or a project-relative one) as a path relative to the project folder.
    func rootRelative(_ shown: String) -> String {
        let r = root.standardizedFileURL.path
        let absolute = URL(fileURLWithPath: shown, relativeTo: URL(fileURLWithPath: workingDirectory.path, isDirectory: true)).standardizedFileURL.path
        if absolute.hasPrefix(r + "/") { return String(absolute.dropFirst(r.count + 1)) }
        return shown
    }

    func path(_ url: URL) -> String {
        let p = url.standardizedFileURL.path
        let cwd = workingDirectory.standardizedFileURL.path
        if p.hasPrefix(cwd + "/") { return String(p.dropFirst(cwd.count + 1)) }
        let r = root.standardizedFileURL.path
        if p.hasPrefix(r + "/") { return String(p.dropFirst(r.count + 1)) }
        return url.lastPathComponent
    }
}
