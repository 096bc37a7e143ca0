import Foundation
import HeraldDiagnostics
import HeraldPlan
import HeraldSource
import HeraldSupport

/// What the redundant-campaign analysis (H0503) read of every campaign at the last check, in
/// `.herald-cache/audiences.tsv`: per campaign file, the audience signature it was computed from
/// (kind, audience and trigger as written, with their offsets), the campaign's name, its
/// `RedundancyProfile` and the campaign found to contain it, if any. Kept apart from `check.tsv`
/// because it is read and written only when an audience, trigger or kind changed: a message edit
/// does not pay for it.
///
/// Profiles are lists of numbers that name their strings by their place in the file's string
/// table, so 10,000 of them read back in milliseconds. After an edit only new strings and changed
/// records are appended (`CacheFiles`).
struct AudienceCache {
    static let format = 2

    struct Entry: Equatable {
        var path: String
        var signature: String
        var name: String
        /// `RedundancyProfile.encoded` against `symbols`; nil when the campaign has none (it did not check).
        var profile: [Int]?
        /// The campaign whose audience contains this one's (`H0503`).
        var container: String?
    }

    var compiler: String
    var shared: String
    var symbols = StringTable()
    /// In path order.
    private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]
    /// Records in the file that later records superseded.
    private(set) var superseded = 0

    init(compiler: String, shared: String) {
        self.compiler = compiler
        self.shared = shared
    }

    subscript(path: String) -> Entry? { positions[path].map { entries[$0] } }

    /// Adds or replaces the entry for its path.
    mutating func set(_ e: Entry) {
        if let i = positions[e.path] { entries[i] = e; return }
        entries.append(e)
        positions[e.path] = entries.count - 1
        guard entries.count > 1, entries[entries.count - 2].path > e.path else { return }
        entries.sort { $0.path < $1.path }
        positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.path, $0) })
    }

    static func location(root: URL) -> URL { root.appendingPathComponent(".herald-cache/audiences.tsv") }

    static func load(root: URL) -> AudienceCache? {
        guard let data = FileManager.default.contents(atPath: location(root: root).path) else { return nil }
        var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst(), String(decoding: header, as: UTF8.self) == "herald-audiences\t\(format)" else { return nil }
        var c = AudienceCache(compiler: "", shared: "")
        var strings: [String] = []
        for line in lines {
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
            switch (String(decoding: f[0], as: UTF8.self), f.count) {
            case ("compiler", 2): guard CacheFiles.header(CacheFiles.field(f[1]), into: &c.compiler) else { return nil }
            case ("shared", 2): guard CacheFiles.header(CacheFiles.field(f[1]), into: &c.shared) else { return nil }
            case ("string", 2): strings.append(CacheFiles.field(f[1]))
            case ("campaign", 6):
                var profile: [Int]?
                if f[4] != [UInt8(ascii: "-")] { guard let numbers = AudienceCache.numbers(f[4]) else { return nil }; profile = numbers }
                let e = Entry(path: CacheFiles.field(f[1]), signature: CacheFiles.field(f[2]), name: CacheFiles.field(f[3]),
                              profile: profile, container: f[5].isEmpty ? nil : CacheFiles.field(f[5]))
                // Records are written in path order; appended ones replace earlier records.
                if let last = c.entries.last, last.path >= e.path {
                    if c.positions[e.path] != nil { c.superseded += 1 }
                    c.set(e)
                } else {
                    c.entries.append(e)
                    c.positions[e.path] = c.entries.count - 1
                }
            default:
                return nil
            }
        }
        c.symbols = StringTable(strings)
        return c.compiler.isEmpty || c.shared.isEmpty ? nil : c
    }

    /// Writes the cache: only new strings and the records that differ from `since` (what was read)
    /// when the file has room for more appended records, otherwise all of it.
    func save(root: URL, since: AudienceCache? = nil) {
        let folder = CacheFiles.folder(root: root)
        var out: [UInt8] = []
        if let since, since.compiler == compiler, since.shared == shared, since.entries.count == entries.count,
           since.symbols.strings.count <= symbols.strings.count {
            out += Array("compiler\t\(CacheFiles.escaped(compiler))\nshared\t\(CacheFiles.escaped(shared))\n".utf8)
            let header = out.count
            for s in symbols.strings[since.symbols.strings.count...] { string(s, to: &out) }
            let changed = entries.filter { since[$0.path] != $0 }
            for e in changed { record(e, to: &out) }
            if out.count == header { return }
            if since.superseded + changed.count <= CacheFiles.journalLimit(entries: entries.count),
               CacheFiles.append(folder, "audiences.tsv", out) { return }
            out = []
        }
        out.reserveCapacity(entries.count * 200)
        out += Array("herald-audiences\t\(AudienceCache.format)\ncompiler\t\(CacheFiles.escaped(compiler))\nshared\t\(CacheFiles.escaped(shared))\n".utf8)
        for s in symbols.strings { string(s, to: &out) }
        for e in entries { record(e, to: &out) }
        CacheFiles.replace(folder, "audiences.tsv", with: out)
    }

    private func string(_ s: String, to out: inout [UInt8]) {
        out += Array("string\t".utf8)
        out += Array(CacheFiles.escaped(s).utf8)
        out.append(0x0A)
    }

    private func record(_ e: Entry, to out: inout [UInt8]) {
        func field(_ s: String) { out += Array(CacheFiles.escaped(s).utf8) }
        out += Array("campaign\t".utf8); field(e.path)
        out.append(0x09); field(e.signature)
        out.append(0x09); field(e.name)
        out.append(0x09)
        if let profile = e.profile {
            for (k, n) in profile.enumerated() {
                if k > 0 { out.append(0x20) }
                AudienceCache.append(n, to: &out)
            }
        } else {
            out.append(UInt8(ascii: "-"))
        }
        out.append(0x09); field(e.container ?? "")
        out.append(0x0A)
    }

    /// Whether the cache describes exactly the campaigns of `check` (same paths, names and audience signatures).
    func matches(_ check: CheckCache) -> Bool {
        compiler == check.compiler && shared == check.shared && entries.count == check.campaigns.count
            && check.campaigns.allSatisfy { path, e in self[path].map { $0.signature == e.audienceSignature && $0.name == e.name } ?? false }
    }

    /// `H0503` after the campaign files at `changed` got new entries, as archived diagnostics, with
    /// each entry's container updated; nil when a profile does not read back.
    ///
    /// Profiles are compared in the order the checker keeps campaigns: by name, the first file in
    /// path order winning when two files name the same campaign.
    mutating func updateRedundancy(changed: Set<String>) -> [JSONValue]? {
        var kept: [(entry: Int, profile: RedundancyProfile)] = []
        var names = Set<String>()
        // Each profile's anchor points into the file of the entry it came from, numbered by entry.
        for (k, e) in entries.enumerated() where names.insert(e.name).inserted {
            guard let numbers = e.profile else { continue }
            guard let p = RedundancyProfile(decoding: numbers, symbols: symbols, campaign: e.name, file: FileID(UInt32(k))) else { return nil }
            kept.append((k, p))
        }
        kept.sort { $0.profile.campaign < $1.profile.campaign }
        let profiles = kept.map(\.profile)
        let index = Dictionary(uniqueKeysWithValues: profiles.enumerated().map { ($1.campaign, $0) })
        var recheck = Set<Int>()
        var previous: [Int?] = []
        for (i, k) in kept.map(\.entry).enumerated() {
            if changed.contains(entries[k].path) { recheck.insert(i) }
            let container = entries[k].container
            // A container that no longer has a profile (it stopped checking): test the campaign again.
            if let container, index[container] == nil { recheck.insert(i) }
            previous.append(container.flatMap { index[$0] })
        }
        let findings = RedundantCampaigns.update(profiles, previous: previous, changed: recheck)
        for k in entries.indices { entries[k].container = nil }
        for f in findings { entries[kept[f.redundant].entry].container = profiles[f.container].campaign }
        let paths = entries.map(\.path)
        let archive = DiagnosticArchive(path: { id in paths[Int(id.index)] }, file: { _ in nil })
        return findings.map { archive.json(RedundantCampaigns.diagnostic($0, profiles)) }
    }

    /// Space-separated decimal numbers, read without making strings.
    static func numbers(_ bytes: ArraySlice<UInt8>) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(bytes.count / 2)
        var n = 0, negative = false, digits = 0
        for b in bytes {
            switch b {
            case 0x30...0x39:
                let (tens, o1) = n.multipliedReportingOverflow(by: 10)
                let (sum, o2) = tens.addingReportingOverflow(Int(b - 0x30))
                guard !o1, !o2 else { return nil }
                n = sum; digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative:
                negative = true
            case 0x20 where digits > 0:
                out.append(negative ? -n : n); n = 0; negative = false; digits = 0
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        out.append(negative ? -n : n)
        return out
    }

    /// Appends `n` in decimal.
    static func append(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        let m = n.magnitude
        var divisor: UInt = 1
        while divisor <= m / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8((m / divisor) % 10) + 0x30)
            divisor /= 10
        } while divisor > 0
    }
}
