import Foundation
import HeraldDiagnostics
import HeraldSource
import HeraldChecker
import HeraldPlan
import HeraldSupport
import HeraldSyntax

/// `herald check PROJECT` with the cache: when the shared inputs (settings, schema, segments,
/// layouts) are unchanged, only campaign files whose content changed are read and checked again,
/// each with just the segments and layout it uses; every other campaign's diagnostics come from
/// `.herald-cache/check.tsv`. Anything the cache cannot vouch for (a new or removed campaign, a
/// renamed one, changed segment references, many changed files) runs the whole check.
///
/// When a changed campaign's kind, audience or trigger changed, whether it became a subset of
/// another campaign's audience (`H0503`) depends on every campaign: those findings are recomputed
/// from each campaign's `RedundancyProfile`, kept in `.herald-cache/audiences.tsv`, without
/// reading any other campaign file.
public enum IncrementalCheck {
    public struct Outcome {
        public var diagnostics: DiagnosticBag
        public var sources: SourceManager
        public var campaigns: Int
        public var segments: Int
        /// The campaign files checked again, or nil when the whole project was checked.
        public var rechecked: [String]?
    }

    /// Above this many changed campaign files, checking the whole project is as fast.
    static let maximumRechecks = 24

    public static func run(root: URL, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> Outcome {
        let display = DisplayPaths(root: root, workingDirectory: workingDirectory)
        let folder = root.path + "/"
        // Listing and stamping 10,000 campaign files costs as much as reading the cache: both at once.
        let stamped = BackgroundTask {
            ProjectLoader.names(in: root.appendingPathComponent("campaigns"), extensions: ["yaml", "yml"]).map { name in
                ("campaigns/" + name, FileStamp(folder + "campaigns/" + name))
            }
        }
        let shared = sharedInputs(root)
        guard let cache = CheckCache.load(root: root), cache.compiler == Compilation.compilerVersion, cache.shared == shared.hash(cache: cache)
        else { return full(root: root, display: display, shared: shared) }

        var next = cache
        next.shared = shared.hash(cache: cache)
        var changed: [(path: String, bytes: [UInt8], stamp: FileStamp)] = []
        var seen = Set<String>()
        var restamped = false
        for (path, stamp) in stamped.value {
            seen.insert(path)
            guard let entry = cache.campaigns[path], let stamp else { return full(root: root, display: display, shared: shared) }
            if stamp.size == entry.size && stamp.modified == entry.modified { continue }
            guard let data = FileManager.default.contents(atPath: folder + path) else { return full(root: root, display: display, shared: shared) }
            let bytes = [UInt8](data)
            if ContentHash.hex(bytes) == entry.hash {
                next.campaigns[path]?.size = stamp.size
                next.campaigns[path]?.modified = stamp.modified
                restamped = true
            } else {
                changed.append((path, bytes, stamp))
            }
        }
        if seen.count != cache.campaigns.count || changed.count > maximumRechecks { return full(root: root, display: display, shared: shared) }

        let sources = SourceManager()
        let archive = archiveReading(root: root, display: display, into: sources)
        let projectTexts = changed.isEmpty ? [] : Set(cache.project.map { $0.compactText() })
        var audienceChanged = false
        var profiles: [String: (profile: RedundancyProfile, symbols: StringTable)?] = [:]
        for file in changed {
            let refs = ContentHash.segmentRefs(file.bytes)
            guard let entry = cache.campaigns[file.path], refs == entry.segmentRefs else { return full(root: root, display: display, shared: shared) }
            var needed = Set<String>(), queue = refs
            while let name = queue.popLast() {
                guard let segmentPath = cache.segmentFiles[name], needed.insert(segmentPath).inserted else { continue }
                queue += cache.segmentRefs[name] ?? []
            }
            let loaded = ProjectLoader.load(root.appendingPathComponent(file.path).path, workingDirectory: workingDirectory,
                                            subset: LoadSubset(segments: needed))
            guard let name = loaded.tree.campaigns.first?.name?.value, name == entry.name else { return full(root: root, display: display, shared: shared) }
            let signature = loaded.tree.campaigns.first.map { audienceSignature($0, loaded.sources) } ?? ""
            if signature != entry.audienceSignature { audienceChanged = true }
            let compilation = Compilation.run(loaded, keepingMessages: false)
            let focused = DiagnosticArchive(path: { id in loaded.sources.file(id).map { display.rootRelative($0.path) } }, file: { _ in nil })
            let owned = compilation.diagnostics.items.map(focused.json).filter { !projectTexts.contains($0.compactText()) }
            next.campaigns[file.path] = CheckCache.Entry(size: file.stamp.size, modified: file.stamp.modified, hash: ContentHash.hex(file.bytes),
                                                         name: name, segmentRefs: refs, audienceSignature: signature, diagnosticsText: JSONValue.array(owned).compactText())
            profiles[file.path] = .some(compilation.plan.flatMap { p in p.redundancy.first { $0.campaign == name }.map { ($0, p.redundancySymbols) } })
        }
        var audiences: (read: AudienceCache, next: AudienceCache)?
        if audienceChanged {
            guard let read = AudienceCache.load(root: root) else { return full(root: root, display: display, shared: shared) }
            var cached = read
            for (path, profile) in profiles {
                let entry = next.campaigns[path]!
                cached.set(AudienceCache.Entry(path: path, signature: entry.audienceSignature, name: entry.name,
                                               profile: profile.map { $0.profile.renumbered(from: $0.symbols, into: &cached.symbols).encoded(&cached.symbols) },
                                               container: cached[path]?.container))
            }
            cached.shared = next.shared
            guard cached.matches(next), let redundancy = cached.updateRedundancy(changed: Set(profiles.keys)) else {
                return full(root: root, display: display, shared: shared)
            }
            next.project = cache.project.filter { $0["code"]?.stringValue != DiagnosticKind.redundantCampaign.code } + redundancy
            audiences = (read, cached)
        }
        if !changed.isEmpty || restamped {
            next.save(root: root, since: cache)
            audiences.map { $0.next.save(root: root, since: $0.read) }
        }

        var bag = DiagnosticBag()
        var cached = next.project
        for path in next.campaigns.keys.sorted() {
            guard let items = next.campaigns[path]!.diagnostics else { return full(root: root, display: display, shared: shared) }
            cached += items
        }
        for j in cached {
            guard let d = archive.diagnostic(j) else { return full(root: root, display: display, shared: shared) }
            bag.emit(d)
        }
        return Outcome(diagnostics: bag, sources: sources, campaigns: next.campaigns.count, segments: next.segmentFiles.count,
                       rechecked: changed.map(\.path))
    }

    /// Kind, audience and trigger of a campaign as written, with their offsets; without an
    /// audience, also the campaign's own extent (where redundancy findings then point).
    static func audienceSignature(_ c: CampaignSyntax, _ sources: SourceManager) -> String {
        var parts = [c.kind?.span, c.audienceSpan, c.trigger?.span].map { span -> String in
            guard let span, let file = sources.file(span.file) else { return "-" }
            let bytes = Array(file.bytes[Int(span.start)..<min(Int(span.end), file.bytes.count)])
            return "\(span.start):\(ContentHash.hex(bytes))"
        }
        if c.audienceSpan == nil { parts.append("\(c.span.start)-\(c.span.end)") }
        return parts.joined(separator: "|")
    }

    /// The whole check, and a fresh cache from it.
    static func full(root: URL, display: DisplayPaths, shared: SharedInputs) -> Outcome {
        let loaded = ProjectLoader.load(root.path, workingDirectory: display.workingDirectory)
        let c = Compilation.run(loaded, keepingMessages: false)
        let sources = c.sources
        func path(_ id: FileID) -> String? { sources.file(id).map { display.rootRelative($0.path) } }
        let archive = DiagnosticArchive(path: path, file: { _ in nil })
        var cache = CheckCache(compiler: Compilation.compilerVersion, shared: "")
        var fileOfCampaign: [String: String] = [:]
        for syntax in loaded.tree.campaigns {
            guard let p = path(syntax.span.file), let file = sources.file(syntax.span.file),
                  let stamp = FileStamp(root.appendingPathComponent(p).path) else { continue }
            let name = syntax.name?.value ?? ""
            if fileOfCampaign[name] == nil { fileOfCampaign[name] = p }
            cache.campaigns[p] = CheckCache.Entry(size: stamp.size, modified: stamp.modified, hash: ContentHash.hex(file.bytes), name: name,
                                                  segmentRefs: ContentHash.segmentRefs(file.bytes),
                                                  audienceSignature: audienceSignature(syntax, sources), diagnosticsText: "[]")
        }
        for s in loaded.tree.segments {
            guard let name = s.name?.value, let p = path(s.span.file), let file = sources.file(s.span.file) else { continue }
            cache.segmentFiles[name] = p
            cache.segmentRefs[name] = ContentHash.segmentRefs(file.bytes)
        }
        // Each diagnostic has one owner: the campaign whose message produced it or whose file it is
        // in, or the project (shared inputs and findings across campaigns).
        var fromMessages: [Diagnostic: [String]] = [:]
        for (name, items) in c.messageDiagnostics { for d in items { fromMessages[d, default: []].append(name) } }
        let crossCampaign: Set<String> = [DiagnosticKind.redundantCampaign.code, DiagnosticKind.duplicateDefinition.code]
        var owned: [String: [JSONValue]] = [:]
        for d in c.diagnostics.items {
            var owner: String?
            if var names = fromMessages[d], let name = names.popLast() {
                fromMessages[d] = names
                owner = fileOfCampaign[name]
            } else if !crossCampaign.contains(d.code), let p = d.span.flatMap({ path($0.file) }), cache.campaigns[p] != nil {
                owner = p
            }
            if let owner, cache.campaigns[owner] != nil { owned[owner, default: []].append(archive.json(d)) } else { cache.project.append(archive.json(d)) }
        }
        for (path, items) in owned { cache.campaigns[path]!.diagnosticsText = JSONValue.array(items).compactText() }
        cache.shared = shared.hash(cache: nil)
        cache.sharedStamps = shared.stamps
        var audiences = AudienceCache(compiler: cache.compiler, shared: cache.shared)
        audiences.symbols = c.plan?.redundancySymbols ?? StringTable()
        let profiles = c.plan?.redundancy ?? []
        let byName = Dictionary(profiles.map { ($0.campaign, $0) }, uniquingKeysWith: { a, _ in a })
        var containers: [String: String] = [:]
        for f in c.plan?.redundantCampaigns ?? [] { containers[profiles[f.redundant].campaign] = profiles[f.container].campaign }
        for (path, entry) in cache.campaigns.sorted(by: { $0.key < $1.key }) {
            let owns = fileOfCampaign[entry.name] == path
            audiences.set(AudienceCache.Entry(path: path, signature: entry.audienceSignature, name: entry.name,
                                              profile: owns ? byName[entry.name]?.encoded(&audiences.symbols) : nil,
                                              container: owns ? containers[entry.name] : nil))
        }
        if !c.diagnostics.items.contains(where: { $0.kind == .fileUnreadable || $0.kind == .missingProjectFile }) {
            cache.save(root: root)
            audiences.save(root: root)
        }
        return Outcome(diagnostics: c.diagnostics, sources: sources, campaigns: c.checked?.campaigns.count ?? 0,
                       segments: c.checked?.segments.count ?? 0, rechecked: nil)
    }

    /// Reads cached diagnostics against a fresh source manager, loading each file they point into once.
    static func archiveReading(root: URL, display: DisplayPaths, into sources: SourceManager) -> DiagnosticArchive {
        let box = FileIDs(), prefix = display.shownPrefix, folder = root.path + "/"
        return DiagnosticArchive(path: { _ in nil }, file: { relative in
            if let id = box.ids[relative] { return id }
            guard let data = FileManager.default.contents(atPath: folder + relative) else { return nil }
            let shown = prefix.map { $0 + relative } ?? display.path(root.appendingPathComponent(relative))
            let id = sources.add(path: shown, bytes: [UInt8](data)).id
            box.ids[relative] = id
            return id
        })
    }

    private final class FileIDs { var ids: [String: FileID] = [:] }
}
