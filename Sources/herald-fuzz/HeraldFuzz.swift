import CHeraldFuzz
import Foundation

/// The fuzzing entry points. Built with `-sanitize=fuzzer,address -DFUZZING` (`scripts/fuzz`),
/// libFuzzer drives `LLVMFuzzerTestOneInput` with the target named by `HERALD_FUZZ_TARGET`.
/// Built normally, it replays files: `herald-fuzz TARGET FILE…` (how findings become regression
/// tests).
#if FUZZING
let fuzzTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["HERALD_FUZZ_TARGET"] ?? "") ?? .yaml

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzTarget.run(bytes)
    return 0
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: herald-fuzz \(names) FILE…\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run([UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) input\(count == 1 ? "" : "s") through \(target.rawValue)")
    }
}
#endif
