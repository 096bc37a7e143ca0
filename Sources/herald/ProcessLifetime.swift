/// Values a command leaves for the end of the process to reclaim, as compilers do (clang's
/// `-disable-free`): taking apart a compilation of a thousand campaigns (every message, plan and
/// source file, one object at a time) took longer than writing the bundle's manifest, and the
/// kernel reclaims the whole heap at once when the process exits.
enum ProcessLifetime {
    // Touched only by the command's own thread, before it returns.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
