import Foundation
@testable import HeraldDriver
import HeraldSupport
import Testing

/// The check cache's line format keeps every field intact, whatever characters names, paths and
/// diagnostics hold, and a saved cache reads back equal.
@Suite struct CheckCacheFormatTests {
    @Test func fieldsRoundTrip() {
        for text in ["plain", "tab\there", "line\nbreak\r", "back\\slash\\t", "", "\\", "ü\t€"] {
            let escaped = CheckCache.escaped(text)
            #expect(!escaped.contains("\t") && !escaped.contains("\n"))
            #expect(CheckCache.field(ArraySlice(Array(escaped.utf8))) == text)
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
}
