import Foundation
@testable import HeraldDriver
import HeraldSupport
import Testing

/// The check cache's line format keeps every field intact, whatever characters names, paths and
/// diagnostics hold, and a saved cache reads back equal.
@Suite struct CheckCacheFormatTests {
    @Test func fieldsRoundTrip() {
        for text in ["plain", "tab\there", "line\nbreak\r", "back\\slash\\t", "", "\\", "ü\t€"] {
            let escaped = CacheFiles.escaped(text)
            #expect(!escaped.contains("\t") && !escaped.contains("\n"))
            #expect(CacheFiles.field(ArraySlice(Array(escaped.utf8))) == text)
        }
    }

    @Test func savedCacheReadsBack() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cache-format-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var cache = CheckCache(compiler: "0.1.0", shared: "abc")
        cache.sharedStamps["layouts/odd\tname.html"] = FileStamp(size: 10, modified: 20)
        cache.segmentFiles["vip"] = "segments/vip.yaml"
        cache.segmentRefs["vip"] = ["big", "recent"]
        let diagnostic: JSONValue = ["code": "H0401", "message": "A \"quoted\"\tmessage\nover lines", "notes": .array([])]
        cache.campaigns["campaigns/a.yaml"] = .init(size: 1, modified: 2, hash: "h", name: "a", segmentRefs: ["vip"], audienceSignature: "3:x|-|-",
                                                    diagnosticsText: JSONValue.array([diagnostic]).compactText())
        cache.campaigns["campaigns/b.yaml"] = .init(size: 3, modified: 4, hash: "g", name: "b", segmentRefs: [], audienceSignature: "-", diagnosticsText: "[]")
        cache.project = [diagnostic]
        cache.save(root: root)
        let read = try #require(CheckCache.load(root: root))
        #expect(read.compiler == "0.1.0" && read.shared == "abc")
        #expect(read.sharedStamps == cache.sharedStamps)
        #expect(read.segmentFiles == cache.segmentFiles && read.segmentRefs == cache.segmentRefs)
        #expect(read.campaigns["campaigns/a.yaml"]?.diagnostics == [diagnostic])
        #expect(read.campaigns["campaigns/a.yaml"]?.segmentRefs == ["vip"])
        #expect(read.campaigns["campaigns/b.yaml"]?.diagnostics == [])
        #expect(read.project == [diagnostic])
    }

    /// After an edit only changed records are appended; reading the file gives what was saved, and
    /// a file with too many superseded records is written whole again.
    @Test func appendedRecordsReadBack() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cache-journal-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var cache = CheckCache(compiler: "0.1.0", shared: "abc")
        for i in 0..<10 {
            cache.campaigns["campaigns/c\(i).yaml"] = .init(size: Int64(i), modified: 1, hash: "h\(i)", name: "c\(i)", segmentRefs: [],
                                                            audienceSignature: "-", diagnosticsText: "[]")
        }
        cache.project = ["one"]
        cache.save(root: root)
        let location = CheckCache.location(root: root)
        let wholeSize = try FileManager.default.attributesOfItem(atPath: location.path)[.size] as! Int
        var read = try #require(CheckCache.load(root: root))
        var next = read
        next.campaigns["campaigns/c3.yaml"]?.hash = "changed"
        next.project = ["two", "three"]
        next.save(root: root, since: read)
        read = try #require(CheckCache.load(root: root))
        #expect(read.campaigns == next.campaigns && read.project == next.project)
        #expect(read.superseded == 2)
        #expect(try FileManager.default.attributesOfItem(atPath: location.path)[.size] as! Int > wholeSize)
        // Past the limit, the whole file is written again and nothing is superseded.
        for round in 0..<CacheFiles.journalLimit(entries: 10) {
            next = read
            next.campaigns["campaigns/c\(round % 10).yaml"]?.modified = Int64(round + 2)
            next.save(root: root, since: read)
            read = try #require(CheckCache.load(root: root))
            #expect(read.campaigns == next.campaigns, "round \(round)")
        }
        #expect(read.superseded < CacheFiles.journalLimit(entries: 10))
        #expect(read.project == ["two", "three"])
        // Records appended by a run that saw other shared inputs make the cache vouch for nothing.
        var stale = read
        stale.shared = "other"
        stale.campaigns["campaigns/c0.yaml"]?.hash = "stale"
        var staleSince = read
        staleSince.shared = "other"
        stale.save(root: root, since: staleSince)
        #expect(CheckCache.load(root: root) == nil)
    }

    @Test func audienceRecordsReadBack() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-audiences-journal-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var cache = AudienceCache(compiler: "0.1.0", shared: "abc")
        let group = cache.symbols.id("none/marketing")
        for i in 0..<10 {
            cache.set(.init(path: "campaigns/c\(i).yaml", signature: "s\t\(i)", name: "c\(i)", profile: i == 4 ? nil : [group, 0, Int.max, -1, -42],
                            container: i == 7 ? "c2" : nil))
        }
        cache.save(root: root)
        var read = try #require(AudienceCache.load(root: root))
        #expect(read.entries == cache.entries && read.symbols.strings == cache.symbols.strings)
        var next = read
        let added = next.symbols.id("every:week/marketing")
        next.set(.init(path: "campaigns/c5.yaml", signature: "new", name: "c5", profile: [added, 1, 2, -1], container: "c9"))
        next.save(root: root, since: read)
        read = try #require(AudienceCache.load(root: root))
        #expect(read.entries == next.entries && read.symbols.strings == next.symbols.strings)
        #expect(read["campaigns/c5.yaml"]?.profile == [added, 1, 2, -1])
        var stale = read, staleSince = read
        (stale.shared, staleSince.shared) = ("other", "other")
        stale.set(.init(path: "campaigns/c1.yaml", signature: "stale", name: "c1", profile: nil, container: nil))
        stale.save(root: root, since: staleSince)
        #expect(AudienceCache.load(root: root) == nil)
    }

    @Test func numbersParseStrictly() {
        #expect(AudienceCache.numbers(ArraySlice(Array("1 -2 30".utf8))) == [1, -2, 30])
        for bad in ["", "1  2", "1 ", "-", "1-2", "x", "1 2a", "12345678901234567890"] {
            #expect(AudienceCache.numbers(ArraySlice(Array(bad.utf8))) == nil, "\(bad)")
        }
        var out: [UInt8] = []
        for n in [0, 7, 10, -1, 1234567, Int.max, Int.min + 1] {
            out = []
            AudienceCache.append(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(n))
        }
    }
}
