import Foundation
import HeraldDriver
import HeraldTestSupport
import Testing

/// Building over a previous bundle: unchanged files are not rewritten, changed ones are, and the
/// files of a campaign that left the project go with it, while files the bundle never had stay.
@Suite struct BundleRewriteTests {
    static func inode(_ url: URL) throws -> (UInt64, Double) {
        let a = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((a[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0, (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }

    @Test func rebuildingOverAPreviousBundle() throws {
        let p = try ScratchProject(keepCampaigns: true)
        let out = p.root.appendingPathComponent("build")
        func build() throws {
            let c = p.compile()
            let writer = try #require(c.bundleWriter, "\(c.diagnostics.items.map(\.message))")
            try writer.write(to: out)
        }
        try build()
        let fm = FileManager.default
        let unrelated = out.appendingPathComponent("notes.txt")
        try Data("kept".utf8).write(to: unrelated)
        let untouched = out.appendingPathComponent("welcome-series/message.json")
        let before = try Self.inode(untouched)
        let changed = out.appendingPathComponent("at-risk-nudge/message.json")
        let changedBefore = try Data(contentsOf: changed)
        #expect(fm.fileExists(atPath: out.appendingPathComponent("win-back-dormant/campaign.json").path))

        // One campaign removed, one edited.
        try fm.removeItem(at: p.root.appendingPathComponent("campaigns/win-back-dormant.yaml"))
        let edited = p.root.appendingPathComponent("campaigns/at-risk-nudge.yaml")
        try p.write("campaigns/at-risk-nudge.yaml", try String(contentsOf: edited, encoding: .utf8)
            .replacingOccurrences(of: "New this month at Acme", with: "Fresh this month at Acme"))
        Thread.sleep(forTimeInterval: 0.05)
        try build()

        #expect(!fm.fileExists(atPath: out.appendingPathComponent("win-back-dormant").path), "the removed campaign's folder is gone")
        #expect(fm.fileExists(atPath: unrelated.path), "a file the bundle never had stays")
        #expect(try Self.inode(untouched) == before, "an unchanged file is not rewritten")
        #expect(try Data(contentsOf: changed) != changedBefore, "a changed file is rewritten")
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!manifest.contains("win-back-dormant") && manifest.contains("at-risk-nudge"))
    }

    /// A file where a campaign's folder must go is reported, naming the folder, not written through.
    @Test func aFileInTheWayOfAFolderIsReported() throws {
        let p = try ScratchProject(keepCampaigns: true)
        let out = p.root.appendingPathComponent("build")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: out.appendingPathComponent("welcome-series"))
        let writer = try #require(p.compile().bundleWriter)
        #expect { try writer.write(to: out) } throws: { error in
            "\(error.localizedDescription)".contains("welcome-series") && "\(error.localizedDescription)".contains("folder cannot be created")
        }
        #expect(try String(contentsOf: out.appendingPathComponent("welcome-series"), encoding: .utf8) == "not a folder")
    }
}
