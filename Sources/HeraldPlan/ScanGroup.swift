import HeraldChecker
import HeraldSchema
import HeraldSyntax

/// One grouped scan over events: the features it computes with conditional aggregates, restricted
/// to the event types they read and to the widest window among them.
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
    /// Event types the scan reads; nil when some feature reads every event.
    public var events: [EventType]?
    /// The widest window of the scan's features; nil when one has no window.
    public var window: Interval?
    public var features: [FeatureID]

    public init(source: Source, events: [EventType]?, window: Interval?, features: [FeatureID]) {
        self.source = source
        self.events = events
        self.window = window
        self.features = features
    }
}

/// Groups features into scans by window class: windows within a factor of `spread` share a scan,
/// so a 48-hour rule never pays for reading a year of events, and a project with many rules on
/// similar windows still reads each event once.
public enum ScanPlanner {
    public static let spread: Int64 = 4

    public static func groups(for ids: [FeatureID], features: FeatureTable, layout: EventModel.Layout) -> [ScanGroup] {
        let sorted = ids.sorted()
        // Window classes: ascending windows, a new class when a window exceeds `spread` times the class's smallest.
        var classes: [(min: Int64?, ids: [FeatureID])] = []
        let ordered = sorted.sorted { a, b in
            let wa = features[a].window?.seconds ?? Int64.max, wb = features[b].window?.seconds ?? Int64.max
            return wa != wb ? wa < wb : a < b
        }
        for id in ordered {
            let w = features[id].window?.seconds
            if let last = classes.last, let lo = last.min, let w, w <= lo * spread {
                classes[classes.count - 1].ids.append(id)
            } else if let last = classes.last, last.min == nil, w == nil {
                classes[classes.count - 1].ids.append(id)
            } else {
                classes.append((w, [id]))
            }
        }
        var out: [ScanGroup] = []
        for c in classes {
            let window = c.ids.compactMap { features[$0].window }.max()
            let unbounded = c.ids.contains { features[$0].window == nil }
            switch layout {
            case .singleTable:
                let readsAny = c.ids.contains { features[$0].event == nil }
                var events: [EventType] = []
                for id in c.ids { if let e = features[id].event, !events.contains(e) { events.append(e) } }
                out.append(ScanGroup(source: .eventsTable, events: readsAny ? nil : events.sorted { $0.name < $1.name },
                                     window: unbounded ? nil : window, features: c.ids.sorted()))
            case .perEventTable:
                var byTable: [String: (EventType, [FeatureID])] = [:]
                var anyIds: [FeatureID] = []
                for id in c.ids {
                    if let e = features[id].event { byTable[e.name, default: (e, [])].1.append(id) } else { anyIds.append(id) }
                }
                for name in byTable.keys.sorted() {
                    let (e, fs) = byTable[name]!
                    let w = fs.contains { features[$0].window == nil } ? nil : fs.compactMap { features[$0].window }.max()
                    out.append(ScanGroup(source: .eventTable(e), events: [e], window: w, features: fs.sorted()))
                }
                if !anyIds.isEmpty {
                    let w = anyIds.contains { features[$0].window == nil } ? nil : anyIds.compactMap { features[$0].window }.max()
                    out.append(ScanGroup(source: .allEventTables, events: nil, window: w, features: anyIds.sorted()))
                }
            }
        }
        return out
    }
}
