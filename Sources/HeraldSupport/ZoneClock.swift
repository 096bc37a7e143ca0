import Foundation

/// Wall-clock time in IANA time zones, from the system's zone database: what quiet hours and
/// schedules read, in the simulator and in the function Herald registers for SQLite.
public enum ZoneClock {
    private static let cache = ZoneCache()

    /// Epoch seconds plus the zone's UTC offset at that instant. An unknown or missing zone name
    /// falls back to `fallback`, and an unknown fallback to UTC.
    public static func localEpoch(_ epoch: Int64, zone: String?, fallback: String) -> Int64 {
        let tz = zone.flatMap(cache.zone) ?? cache.zone(fallback) ?? TimeZone(identifier: "UTC")!
        return epoch + Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epoch))))
    }

    /// Whether the zone database knows a name.
    public static func isKnown(_ zone: String) -> Bool { cache.zone(zone) != nil }
}

/// Looked-up zones by name; `TimeZone(identifier:)` reads the zone database on every call.
private final class ZoneCache: @unchecked Sendable {
    private var zones: [String: TimeZone?] = [:]
    private let lock = NSLock()

    func zone(_ name: String) -> TimeZone? {
        lock.lock()
        defer { lock.unlock() }
        if let z = zones[name] { return z }
        let z = name.isEmpty ? nil : TimeZone(identifier: name)
        zones[name] = z
        return z
    }
}
