import ArgumentParser
import Foundation
import HeraldDriver
import HeraldEmail
import HeraldSupport
import HeraldYAML

/// `herald-bench compile`: `check` and `build` of generated repositories of N campaigns, against
/// two parse floors measured in the same run: every file once (raw libyaml and libxml2), and
/// every campaign's own YAML and layout on all cores (the least a compiler that validates the
/// email each campaign sends must parse).
struct CompileBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Benchmark the compiler on generated campaign repositories.")

    @Option(help: "Repository sizes (campaigns), comma-separated.") var sizes = "100,1000"
    @Option(help: "Working folder for the generated repositories.") var work = "out/bench-compile"
    @Option(help: "Folder the bundles are built into (default: the working folder); a tmpfs folder such as /dev/shm leaves the disk's state out of the build's time.")
    var bundles: String?
    @Option(help: "Measurements of each size: the floors, `check` and `build` are timed this many times in turn and the medians reported (a machine's speed drifts by a fifth within minutes).")
    var `repeat`: Int = 1

    func run() throws {
        print("| campaigns | files (MB) | parse floor | campaign floor | check | check / campaign floor | campaigns/s (check) | build | build / campaign floor | campaigns/s (build) | re-check: message edit | re-check: audience edit | peak RSS |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        fflush(nil)
        for n in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let dir = URL(fileURLWithPath: work).appendingPathComponent("repo\(n)")
            let files = try SyntheticRepository.write(campaigns: n, schemaFrom: URL(fileURLWithPath: "examples/shop"), to: dir)
            let yaml = files.yaml.map { [UInt8](FileManager.default.contents(atPath: $0.path)!) }
            let html = files.html.map { [UInt8](FileManager.default.contents(atPath: $0.path)!) }
            let megabytes = Double((yaml + html).reduce(0) { $0 + $1.count }) / 1_048_576
            var runs: [CompileRun] = []
            for _ in 0..<max(1, self.`repeat`) { runs.append(try measure(files: files, yaml: yaml, html: html, dir: dir, n: n)) }
            // One campaign edited, as an editor saves it: its subject, then its audience.
            let edited = dir.appendingPathComponent("campaigns/c\(n / 2).yaml")
            let original = try String(contentsOf: edited, encoding: .utf8)
            func recheck(_ text: String) throws -> Double {
                try Data(text.utf8).write(to: edited)
                return try time {
                    let outcome = IncrementalCheck.run(root: dir)
                    if outcome.rechecked?.count != 1 { throw BenchFailure("the edit was not checked incrementally") }
                }
            }
            // Each edit is saved and undone three times; the median of the six re-checks is reported.
            func recheckMedian(_ edited: String) throws -> Double {
                if edited == original { throw BenchFailure("the edit changed nothing") }
                var times: [Double] = []
                for _ in 0..<3 { times += [try recheck(edited), try recheck(original)] }
                return median(times)
            }
            let messageEdit = try recheckMedian(original.replacingOccurrences(of: "subject: \"New arrivals", with: "subject: \"Fresh arrivals"))
            let audienceEdit = try recheckMedian(original.replacingOccurrences(of: "customer.lifetime_value >= ", with: "customer.lifetime_value > "))
            func s(_ x: Double) -> String { String(format: x < 10 ? "%.2f s" : "%.1f s", x) }
            func ms(_ x: Double) -> String { String(format: "%.0f ms", x * 1000) }
            // With several runs, a ratio shows the range of the runs' ratios beside their median.
            func ratio(_ xs: [Double]) -> String {
                let m = String(format: "%.1f×", median(xs))
                return xs.count < 2 ? m : m + String(format: " (%.1f-%.1f×)", xs.min()!, xs.max()!)
            }
            // Medians of the runs; each ratio is the median of the runs' own ratios, a build set
            // against the floor measured just before it.
            let floor = median(runs.map(\.floor)), campaignFloor = median(runs.map(\.campaignFloor))
            let check = median(runs.map(\.check)), build = median(runs.map(\.build))
            let checkRatio = runs.map { $0.check / $0.campaignFloor }, buildRatio = runs.map { $0.build / $0.campaignFloor }
            print("| \(n) | \(String(format: "%.1f", megabytes)) | \(s(floor)) | \(s(campaignFloor)) | \(s(check)) | \(ratio(checkRatio)) | "
                  + "\(String(format: "%.0f", Double(n) / check)) | \(s(build)) | \(ratio(buildRatio)) | \(String(format: "%.0f", Double(n) / build)) | "
                  + "\(ms(messageEdit)) | \(ms(audienceEdit)) | \(peakRSS()) |")
            fflush(nil)
        }
    }

    /// One measurement of a repository: both floors, a full `check` and a first `build`.
    func measure(files: SyntheticRepository.Files, yaml: [[UInt8]], html: [[UInt8]], dir: URL, n: Int) throws -> CompileRun {
        // The floor: every YAML file through libyaml's event parser, every layout through libxml2 once.
        let floor = try time {
            var events = 0
            for y in yaml { events += YAMLParseFloor.events(y) }
            for h in html { precondition(HTMLParser.parseFloor(h)) }
            if events == 0 { throw BenchFailure("no YAML events") }
        }
        // The campaign floor: each campaign's YAML and the layout it uses, parsed once per
        // campaign, campaigns spread over every core as `check` spreads them.
        let campaignFloor = try time {
            let parsed = ParallelResults<Bool>(count: files.campaigns.count)
            DispatchQueue.concurrentPerform(iterations: files.campaigns.count) { i in
                let c = files.campaigns[i]
                parsed.set(i, YAMLParseFloor.events(yaml[c.yaml]) > 0 && HTMLParser.parseFloor(html[c.layout]))
            }
            let failed = parsed.values.filter { $0 != true }.count
            if failed > 0 { throw BenchFailure("the campaign floor failed to parse \(failed) campaigns") }
        }
        // `herald check` of a project folder: the whole check, which also writes `.herald-cache`.
        try? FileManager.default.removeItem(at: dir.appendingPathComponent(".herald-cache"))
        let check = try time {
            let outcome = IncrementalCheck.run(root: dir)
            if outcome.diagnostics.hasErrors { throw BenchFailure("the generated repository has errors: \(outcome.diagnostics.items.prefix(3).map(\.message))") }
        }
        // A first build, as in CI's fresh clone, into a folder that did not exist (over an
        // unchanged bundle nothing is written). The bundle is deleted once measured, not just
        // before: ext4 skips inodes deleted in the last 30 seconds when it creates files, which
        // made a build right after deleting a bundle of 170,000 files spend most of its time
        // in the kernel.
        let bundle = URL(fileURLWithPath: bundles ?? work).appendingPathComponent("bundle\(n)")
        try? FileManager.default.removeItem(at: bundle)
        defer { try? FileManager.default.removeItem(at: bundle) }
        // Freed after the clock stops, as `herald build` leaves it to the process's exit.
        var built: Compilation?
        let build = try time {
            let c = Compilation.run(ProjectLoader.load(dir.path))
            guard let writer = c.bundleWriter else { throw BenchFailure("no bundle") }
            try writer.write(to: bundle)
            built = c
        }
        withExtendedLifetime(built) {}
        return CompileRun(floor: floor, campaignFloor: campaignFloor, check: check, build: build)
    }

    func time(_ body: () throws -> Void) throws -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    /// The process's peak resident set size so far.
    func peakRSS() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.0f MB", Double(usage.ru_maxrss) / 1024)
    }
}

/// The times of one measurement of a repository, in seconds.
struct CompileRun {
    var floor: Double
    var campaignFloor: Double
    var check: Double
    var build: Double
}
