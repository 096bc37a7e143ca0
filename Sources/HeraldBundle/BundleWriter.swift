import Foundation
import Dispatch
import HeraldChecker
import HeraldEmail
import HeraldPlan
import HeraldSQL
import HeraldSchema
import HeraldSupport

/// The bundle phase: everything the compiler produced, in, `Bundle` (manifest and one folder per
/// campaign) out. Keys are sorted and nothing depends on the machine, the time or the paths.
public struct BundleWriter: Sendable {
    public let project: CheckedProject
    public let plan: ProjectPlan
    public let messages: [String: CompiledMessage]
    public let dialects: [any SQLDialect]
    public let compilerVersion: String
    /// One results-query writer per dialect, in the order of `dialects`, shared by every campaign.
    private let audienceQueries: [AudienceQuery]
    private let resultsQueries: [ResultsQuery]
    private let programs = WrittenPrograms()

    public init(project: CheckedProject, plan: ProjectPlan, messages: [String: CompiledMessage], dialects: [any SQLDialect],
                compilerVersion: String) {
        self.project = project
        self.plan = plan
        self.messages = messages
        self.dialects = dialects
        self.compilerVersion = compilerVersion
        audienceQueries = dialects.map { AudienceQuery(dialect: $0, plan: plan) }
        resultsQueries = dialects.map { ResultsQuery(dialect: $0, plan: plan) }
    }

    /// The bundle in memory (tests, `herald diff`).
    public func bundle() -> Bundle {
        let collected = Bundle.Collector()
        // Storing in memory cannot fail.
        try! produce { folder, files in
            for f in files { collected.add(folder.map { "\($0)/\(f.name)" } ?? f.name, f.bytes) }
        }
        return collected.bundle
    }

    /// Writes the bundle under `directory` as it is produced, replacing a previous bundle's
    /// files there (and removing those it no longer has): a large project's files are never all
    /// in memory at once.
    public func write(to directory: URL) throws {
        try FileOutput.createFolder(directory)
        let previous = PreviousManifest.paths(in: directory)
        // Paths are joined as text: `URL` path arithmetic for each of tens of thousands of files
        // cost more than writing them.
        let root = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        // Without a previous bundle's manifest, no file there is worth comparing first.
        let mayExist = !previous.isEmpty
        let kept = try produce { folder, files in
            let prefix = folder.map { root + $0 + "/" } ?? root
            for f in files { try FileOutput.write(f.bytes, to: prefix + f.name, mayExist: mayExist) }
        }
        FileOutput.removeStale(in: directory, previous: previous, isKept: kept.contains)
    }

    /// Files handed to `store`: a campaign's folder name and its files, or nil and files at the
    /// top of the bundle.
    typealias Store = @Sendable (_ folder: String?, _ files: [(name: String, bytes: [UInt8])]) throws -> Void

    /// Produces every file of the bundle and hands it to `store`, from any thread.
    ///
    /// Campaign folders are made on every core and stored as each is made, so that only as many
    /// are held in memory as there are cores. Each file is hashed as it is stored, and each
    /// folder's manifest entry written there too: what is left once every folder is made (the
    /// bundle hash over the digests, the manifest) runs on one core, and took a twentieth of a
    /// 1,000-campaign build when it hashed, sorted and wrote every file's entry itself.
    @discardableResult
    func produce(_ store: @escaping Store) throws -> StoredPaths {
        // Every campaign's audience at once, for send systems that run all batches together:
        // written and hashed while the campaign folders are made.
        let topLevel = BackgroundTask { [self] in
            Result {
                let files = projectAudienceFiles()
                try store(nil, files)
                return files.map { FileDigest(name: $0.name, sha256: SHA256.hex($0.bytes)) }
            }
        }
        let campaigns = project.campaigns
        let results = ParallelResults<Result<StoredFolder, any Error>>(count: campaigns.count)
        DispatchQueue.concurrentPerform(iterations: campaigns.count) { i in
            let c = campaigns[i]
            guard let files = campaignFiles(c) else { return }
            results.set(i, Result {
                let sorted = files.keys.sorted().map { (name: $0, bytes: files[$0]!) }
                try store(c.name, sorted)
                let digests = sorted.map { FileDigest(name: $0.name, sha256: SHA256.hex($0.bytes)) }
                let entry: JSONValue = ["name": .string(c.name), "path": .string(c.name), "kind": .string(c.kind.rawValue),
                                        "files": .object(Dictionary(uniqueKeysWithValues: digests.map { ($0.name, JSONValue.string($0.sha256)) }))]
                // Entries stand in the manifest's `campaigns` array, at depth 2.
                return StoredFolder(name: c.name, files: digests, entry: .written(entry, depth: 2))
            })
        }
        let folders = try results.values.compactMap { try $0?.get() }
        let top = try topLevel.value.get()
        let manifest: JSONValue = [
            "format": .int(Int64(Bundle.formatVersion)),
            "compiler": ["name": "herald", "version": .string(compilerVersion)],
            "project": .string(project.settings.name),
            "targets": .array(dialects.map { .string($0.name) }),
            "campaigns": .array(folders.map(\.entry)),
            "audiences": .object(Dictionary(uniqueKeysWithValues: zip(dialects, top).map { d, t in
                (d.name, .object(["path": .string(t.name), "sha256": .string(t.sha256)]))
            })),
            "hash": .string(BundleHash.of(files: top, folders: folders.map { ($0.name, $0.files) })),
        ]
        try store(nil, [(name: "manifest.json", bytes: manifest.prettyBytes())])
        return StoredPaths(top: Set(top.map(\.name) + ["manifest.json"]),
                           folders: Dictionary(uniqueKeysWithValues: folders.map { ($0.name, Set($0.files.map(\.name))) }))
    }

    /// `audiences.DIALECT.sql` for each dialect, in the order of `dialects` (none without campaigns).
    private func projectAudienceFiles() -> [(name: String, bytes: [UInt8])] {
        let plans = project.campaigns.compactMap { plan.campaign(named: $0.name) }
        guard !plans.isEmpty else { return [] }
        return dialects.map { d in ("audiences.\(d.name).sql", Array(ProjectAudienceQuery(dialect: d, plan: plan).sql(plans).utf8)) }
    }

    /// The files of one campaign's folder, by name.
    func campaignFiles(_ c: CheckedCampaign) -> [String: [UInt8]]? {
        guard let cp = plan.campaign(named: c.name), let m = messages[c.name] else { return nil }
        var files: [String: String] = [:]
        for (d, audience) in zip(dialects, audienceQueries) { files["audience.\(d.name).sql"] = audience.sql(cp) }
        // Triggered and scheduled campaigns also carry "who is due a send at as_of" (the compiler
        // has already reported any dialect that cannot express it).
        if cp.delivery != nil {
            for d in dialects {
                if case .success(let sql) = EligibilityQuery(dialect: d, plan: plan).sql(cp) { files["eligibility.\(d.name).sql"] = sql }
            }
        }
        for (d, results) in zip(dialects, resultsQueries) {
            if let sql = results.sql(cp) { files["results.\(d.name).sql"] = sql }
        }
        var bytes = files.mapValues { Array($0.utf8) }
        bytes["campaign.json"] = campaignJSON(c, cp, m, sql: files).prettyBytes()
        bytes["message.json"] = messageJSON(m).prettyBytes()
        bytes["template.html"] = TemplateSource.html(m, layout: programs.liquid(m.sharedLayout) { TemplateSource.liquid(m.html) })
        return bytes
    }

    func campaignJSON(_ c: CheckedCampaign, _ cp: CampaignPlan, _ m: CompiledMessage, sql: [String: String]) -> JSONValue {
        var o: [String: JSONValue] = [
            "name": .string(c.name),
            "kind": .string(c.kind.rawValue),
            "description": .optional(c.description),
            "owner": .optional(c.owner),
            "audience": ["columns": .array(AudienceQuery.columns(cp, schema: plan.schema).map { .string($0) }), "key": .string(plan.schema.customer.key.name),
                         "address": .optional(plan.schema.customer.email?.name),
                         // The optimized audience as conditions in words, one per conjunct: what `herald diff` compares.
                         "conditions": .array(AudienceConditions.words(cp.audience, features: plan.features).map { .string($0) })],
            "delivery": DeliverySpec.json(c, settings: project.settings, schema: plan.schema),
            "eligibility": cp.delivery == nil ? .null
                : ["columns": .array(EligibilityQuery(dialect: dialects.first ?? SQLiteDialect(), plan: plan).columns(cp).map { .string($0) }),
                   "pending_seconds": .int(DeliveryPlan.pendingSeconds), "holdout_arm": .string(DeliveryPlan.holdoutArm)],
            "parameters": .object(Dictionary(uniqueKeysWithValues: dialects.map { d in
                let used = d.usesParameter(sql["audience.\(d.name).sql"] ?? "") || d.usesParameter(sql["eligibility.\(d.name).sql"] ?? "")
                return (d.name, JSONValue.object(["as_of": ["placeholder": .string(d.parameter.placeholder), "binding": .string(d.parameter.binding),
                                                            "format": .string(d.parameter.format), "used": .bool(used)]]))
            })),
            "headers": headers(c),
        ]
        if let e = cp.experiment {
            o["experiment"] = [
                "id": .string(e.id), "buckets": 10_000, "holdout_buckets": .int(Int64(e.holdoutBuckets)),
                "arms": .array(e.variants.enumerated().map { i, v in
                    ["name": .string(v), "from_bucket": .int(Int64(e.bounds[i])), "to_bucket": .int(Int64(e.bounds[i + 1]))]
                }),
            ]
        }
        return .object(o)
    }

    /// RFC 8058 one-click unsubscribe for marketing mail; the URL is the recipient's `unsubscribe_url`.
    func headers(_ c: CheckedCampaign) -> JSONValue {
        guard c.kind == .marketing else { return .object([:]) }
        return ["List-Unsubscribe": "<{{ unsubscribe_url }}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"]
    }

    func messageJSON(_ m: CompiledMessage) -> JSONValue {
        // `parts` is a member of the message, so its members stand at depth 2.
        var parts: [String: JSONValue] = [
            "subject": RenderProgramJSON.nodes(m.subject),
            "html": programs.json(m.sharedLayout, amp: false, depth: 2) { RenderProgramJSON.nodes(m.html) },
        ]
        if let p = m.preheader { parts["preheader"] = RenderProgramJSON.nodes(p) }
        if let t = m.text { parts["text"] = RenderProgramJSON.nodes(t) }
        if let a = m.ampHTML { parts["amp"] = programs.json(m.sharedLayout, amp: true, depth: 2) { RenderProgramJSON.nodes(a) } }
        func slots(_ list: [CompiledSlot]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: list.map { s in
                var o: [String: JSONValue] = ["alternatives": .array(s.alternatives.map(RenderProgramJSON.nodes))]
                if let col = s.column { o["column"] = .string(col) }
                if let l = s.loop { o["loop"] = RenderProgramJSON.node(.loop(l)) }
                return (s.name, JSONValue.object(o))
            }))
        }
        return [
            "format": .int(Int64(Bundle.formatVersion)),
            "from": .string(m.from),
            "reply_to": .optional(m.replyTo),
            "parts": .object(parts),
            // Without a `text` part, send systems derive it from the rendered HTML (docs/bundle-format.md).
            "text_source": .string(m.text == nil ? "html" : "template"),
            "slots": slots(m.slots),
            // The AMP part's own slot contents (`<img>` made `<amp-img>`), when it has one.
            "amp_slots": m.ampHTML == nil ? .null : slots(m.ampSlots),
            "variants": .array(m.variants.map { v in
                var o: [String: JSONValue] = ["name": .string(v.name), "weight": .int(Int64(v.weight)), "slots": slots(v.slots)]
                if m.ampHTML != nil { o["amp_slots"] = slots(v.ampSlots) }
                if let s = v.subject { o["subject"] = RenderProgramJSON.nodes(s) }
                if let p = v.preheader { o["preheader"] = RenderProgramJSON.nodes(p) }
                if let f = v.from { o["from"] = .string(f) }
                return .object(o)
            }),
            "amp": .bool(m.amp),
            "fields": .array(m.fields.map { .string($0) }),
            "relations": .array(m.relations.map { .string($0) }),
            "postal_address": .optional(m.postalAddress),
        ]
    }
}

/// The message's HTML template as Liquid source, reassembled from the render programs: the body
/// or layout, then every block alternative and loop, then the arms' own blocks. What a reviewer
/// reads (`template.html`), and what `herald diff` shows a short diff of.
enum TemplateSource {
    /// The file's bytes; `layout` is `liquid(m.html)`, which campaigns sharing a layout share.
    /// Bytes from the start: the layout is most of the file, and a string copied it once more.
    static func html(_ m: CompiledMessage, layout: String) -> [UInt8] {
        var out = Array(layout.utf8)
        func blocks(_ slots: [CompiledSlot], arm: String?) {
            for s in slots where !s.name.hasPrefix("herald:") {
                let owner = arm.map { " (arm \($0))" } ?? ""
                if let l = s.loop {
                    out += ("\n{% comment %} block \(s.name)\(owner) {% endcomment %}\n" + liquid([.loop(l)]) + "\n").utf8
                }
                for (i, alternative) in s.alternatives.enumerated() {
                    let which = s.alternatives.count > 1 || s.column != nil ? ", alternative \(i)" : ""
                    out += ("\n{% comment %} block \(s.name)\(owner)\(which) {% endcomment %}\n" + liquid(alternative) + "\n").utf8
                }
            }
        }
        blocks(m.slots, arm: nil)
        for v in m.variants { blocks(v.slots, arm: v.name) }
        return out
    }

    static func liquid(_ nodes: [RenderNode]) -> String {
        nodes.map { n -> String in
            switch n {
            case .text(let s, _): return s
            case .output(let o): return "{{ " + value(o.value) + o.filters.map { f in
                " | \(f.name)" + (f.arguments.isEmpty ? "" : ": " + f.arguments.map(value).joined(separator: ", "))
            }.joined() + " }}"
            case .slot(let name): return "{{ blocks.\(name) }}"
            case .assign(let name, let o): return "{% assign \(name) = \(value(o.value)) %}"
            case .conditional(let branches, let elseBody):
                var s = ""
                for (i, b) in branches.enumerated() {
                    s += "{% \(i == 0 ? (b.negated ? "unless" : "if") : "elsif") \(value(b.condition)) %}" + liquid(b.body)
                }
                if let e = elseBody { s += "{% else %}" + liquid(e) }
                return s + "{% end\(branches.first?.negated == true ? "unless" : "if") %}"
            case .caseOf(let subject, let whens, let elseBody):
                var s = "{% case \(value(subject)) %}"
                for w in whens { s += "{% when \(w.values.map(value).joined(separator: ", ")) %}" + liquid(w.body) }
                if let e = elseBody { s += "{% else %}" + liquid(e) }
                return s + "{% endcase %}"
            case .loop(let l):
                var header = "{% for \(l.variable) in \(l.relation.map { "customer.\($0)" } ?? l.collection.map(value) ?? "")"
                if let x = l.limit { header += " limit: \(value(x))" }
                if let x = l.offset { header += " offset: \(value(x))" }
                if l.reversed { header += " reversed" }
                return header + " %}" + liquid(l.body) + (l.elseBody.map { "{% else %}" + liquid($0) } ?? "") + "{% endfor %}"
            }
        }.joined()
    }

    static func value(_ v: RenderValue) -> String {
        switch v {
        case .literal(let x):
            if case .string(let s) = x { return "\"\(s)\"" }
            if case .null = x { return "nil" }
            return x.description
        case .empty: return "empty"
        case .blank: return "blank"
        case .field(let n): return "customer.\(n)"
        case .rowField(let variable, let field): return "\(variable).\(field)"
        case .local(let n): return n
        case .forloop(let p): return "forloop.\(p)"
        case .builtin(let n): return n
        case .range(let a, let b): return "(\(value(a))..\(value(b)))"
        case .comparison(let op, let a, let b): return "\(value(a)) \(op) \(value(b))"
        case .logical(let isAnd, let a, let b): return "\(value(a)) \(isAnd ? "and" : "or") \(value(b))"
        }
    }
}
