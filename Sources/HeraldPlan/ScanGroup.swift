import HeraldChecker
import HeraldSchema
import HeraldSyntax

/// A slice of the events a scan reads: rows of some event types (or of any type) inside a window.
public struct EventRange: Hashable, Sendable {
    /// The event types; nil for every type.
    public var events: [EventType]?
    /// How far back from `as_of` the rows go; nil for all history.
    public var window: Interval?

    public init(events: [EventType]?, window: Interval?) {
        self.events = events
        self.window = window
    }
}

/// One grouped scan over events: the features it computes with conditional aggregates, restricted
/// to the rows they can read — per event type, the widest window any feature needs of that type.
public struct ScanGroup: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// The single events table of a `single_table` layout.
        case eventsTable
        /// The table of one event type (`per_event_table` layout).
        case eventTable(EventType)
        /// Every event table, for `any` under the `per_event_table` layout.
        case allEventTables
    }

    public var source: Source
    /// The rows the scan reads: the union of these ranges, ordered by window.
    public var ranges: [EventRange]
    public var features: [FeatureID]

    public init(source: Source, ranges: [EventRange], features: [FeatureID]) {
        self.source = source
        self.ranges = ranges
        self.features = features
    }

    /// Event types the scan reads; nil when it reads every type.
    public var events: [EventType]? {
        if ranges.contains(where: { $0.events == nil }) { return nil }
        var all: [EventType] = []
        for r in ranges { for e in r.events ?? [] where !all.contains(e) { all.append(e) } }
        return all.sorted { $0.name < $1.name }
    }

    /// The widest window of the scan; nil when some range reads all history.
    public var window: Interval? {
        ranges.contains { $0.window == nil } ? nil : ranges.compactMap(\.window).max()
    }
}

/// Plans the scans of a set of features: one shared scan per events table, reading each event type
/// only as far back as the widest window a feature needs of it, and for a single events table one
/// more scan per event type whose properties are read. However many campaigns and segments share a
/// feature it is computed once, and a 48-hour rule never makes a year of another event be read.
public enum ScanPlanner {
    public static func groups(for ids: [FeatureID], features: FeatureTable, layout: EventModel.Layout) -> [ScanGroup] {
        let sorted = ids.sorted()
        switch layout {
        case .singleTable:
            return singleTableGroups(sorted, features)
        case .perEventTable:
            var byTable: [String: (EventType, [FeatureID])] = [:]
            var anyIds: [FeatureID] = []
            for id in sorted {
                if let e = features[id].event { byTable[e.name, default: (e, [])].1.append(id) } else { anyIds.append(id) }
            }
            var out: [ScanGroup] = byTable.keys.sorted().map { name in
                let (e, fs) = byTable[name]!
                return ScanGroup(source: .eventTable(e), ranges: [EventRange(events: [e], window: widest(fs, features))], features: fs)
            }
            if !anyIds.isEmpty {
                out.append(ScanGroup(source: .allEventTables, ranges: [EventRange(events: nil, window: widest(anyIds, features))], features: anyIds))
            }
            return out
        }
    }

    /// The scans of the single events table: features that read event properties get a scan of
    /// their event type alone, joined by that type's property-free features whose window it covers;
    /// every other feature shares one scan. Properties (JSON text or wide columns) are then read
    /// only on the rows that need them, the clustered table prunes the typed scans to their own
    /// blocks, and the shared scan no longer reaches back for a long-windowed type.
    static func singleTableGroups(_ ids: [FeatureID], _ features: FeatureTable) -> [ScanGroup] {
        var propertyFeatures: [EventType: [FeatureID]] = [:]
        for id in ids where features[id].readsProperties {
            if let e = features[id].event { propertyFeatures[e, default: []].append(id) }
        }
        var out: [ScanGroup] = []
        var taken = Set<FeatureID>()
        for e in propertyFeatures.keys.sorted(by: { $0.name < $1.name }) {
            let window = widest(propertyFeatures[e]!, features)
            let members = ids.filter { features[$0].event == e && covers(window, features[$0].window) }
            taken.formUnion(members)
            out.append(ScanGroup(source: .eventsTable, ranges: [EventRange(events: [e], window: window)], features: members))
        }
        let rest = ids.filter { !taken.contains($0) }
        if !rest.isEmpty { out.insert(ScanGroup(source: .eventsTable, ranges: ranges(rest, features), features: rest), at: 0) }
        return out
    }

    /// The widest window among features; nil when one reads all history.
    static func widest(_ ids: [FeatureID], _ features: FeatureTable) -> Interval? {
        ids.contains { features[$0].window == nil } ? nil : ids.compactMap { features[$0].window }.max()
    }

    /// The ranges one scan of the single events table reads: event types grouped by their widest
    /// window, and the `any` range absorbing every typed range it already covers.
    static func ranges(_ ids: [FeatureID], _ features: FeatureTable) -> [EventRange] {
        let anyIds = ids.filter { features[$0].event == nil }
        let anyWindow: Interval?? = anyIds.isEmpty ? .none : .some(widest(anyIds, features))
        var byType: [EventType: [FeatureID]] = [:]
        for id in ids { if let e = features[id].event { byType[e, default: []].append(id) } }
        var byWindow: [Interval?: [EventType]] = [:]
        for (e, fs) in byType {
            let w = widest(fs, features)
            if case .some(let a) = anyWindow, covers(a, w) { continue }
            byWindow[w, default: []].append(e)
        }
        var out = byWindow.map { EventRange(events: $0.value.sorted { $0.name < $1.name }, window: $0.key) }
        if case .some(let a) = anyWindow { out.append(EventRange(events: nil, window: a)) }
        return out.sorted { x, y in
            let wx = x.window?.seconds ?? Int64.max, wy = y.window?.seconds ?? Int64.max
            return wx != wy ? wx < wy : (x.events?.first?.name ?? "") < (y.events?.first?.name ?? "")
        }
    }

    /// Whether a window `outer` reaches at least as far back as `inner`.
    static func covers(_ outer: Interval?, _ inner: Interval?) -> Bool {
        guard let outer else { return true }
        guard let inner else { return false }
        return outer.seconds >= inner.seconds
    }
}
