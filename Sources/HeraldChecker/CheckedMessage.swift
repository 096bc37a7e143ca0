import HeraldSchema
import HeraldSource
import HeraldSyntax

/// The message of a campaign with every template checked and the layout's slots matched to blocks.
public struct CheckedMessage: Sendable {
    public var from: String
    public var replyTo: String?
    public var subject: CheckedTemplate
    public var preheader: CheckedTemplate?
    /// The HTML body: the inline `html`, or the layout whose `.slot` nodes the blocks fill.
    public var body: CheckedTemplate
    public var layoutPath: String?
    public var slots: [CheckedSlot]
    /// An explicit plain-text part; otherwise it is derived from the HTML.
    public var text: CheckedTemplate?
    public var amp: Bool
    public var postalAddress: String?
    /// Customer fields any template of the message reads (the audience query selects exactly these).
    public var customerFields: [String]
    /// Relations the message loops over.
    public var relations: [String]

    public func slot(named name: String) -> CheckedSlot? { slots.first { $0.name == name } }
}

/// What fills one layout slot.
public struct CheckedSlot: Sendable {
    public enum Content: Sendable {
        case single(CheckedTemplate)
        /// Tried in order; a nil condition is `otherwise`. With no `otherwise`, the slot may be empty.
        case alternatives([CheckedAlternative])
        case loop(CheckedBlockLoop)
    }

    public var name: String
    public var content: Content
    public var span: Span
}

public struct CheckedAlternative: Sendable {
    public var condition: TypedExpr?
    public var template: CheckedTemplate
    public var span: Span
}

/// A block repeated for each row of a relation, in the relation's order, up to `limit` rows.
public struct CheckedBlockLoop: Sendable {
    public var variable: String
    public var relation: RelationModel
    public var limit: Int?
    public var template: CheckedTemplate
    public var empty: CheckedTemplate?
}

/// What starts a send.
public struct CheckedTrigger: Sendable {
    public enum Kind: Sendable {
        case event(EventTrigger)
        /// One send at a fixed instant (seconds since the epoch).
        case once(Int64)
        case recurring(RecurringSchedule)
    }

    public var kind: Kind
    public var span: Span
}

public struct EventTrigger: Sendable {
    public var event: EventType
    public var filter: TypedExpr?
    public var delay: Interval
    public var exitOn: [EventType]
    public var reentry: Reentry
}

public enum Reentry: Sendable, Hashable {
    /// A customer receives the campaign at most once.
    case once
    /// A customer may re-enter after this long since the last send.
    case every(Interval)
    /// Every trigger event may start a send (caps still apply).
    case always
}

public struct RecurringSchedule: Sendable, Hashable {
    public enum Period: String, Sendable, Hashable { case day, week }
    public enum Zone: Sendable, Hashable {
        case project(String)
        case customer
        case fixed(String)
    }

    public var period: Period
    /// 0 = Monday … 6 = Sunday, for weekly schedules.
    public var weekday: Int?
    /// Minutes after local midnight.
    public var at: Int
    public var zone: Zone
}

/// An A/B test: holdout buckets first, then weighted arms in declared order, over 10,000 buckets.
public struct CheckedExperiment: Sendable {
    public var id: String
    /// Buckets (of 10,000) held out: 10% is 1,000.
    public var holdoutBuckets: Int
    public var variants: [CheckedVariant]
    public var goal: TypedExpr?
    public var span: Span

    /// The first bucket of each arm and the end, in declared order: arm i owns `bounds[i]..<bounds[i+1]`.
    public var bucketBounds: [Int] {
        let total = variants.reduce(0) { $0 + $1.weight }
        var bounds = [holdoutBuckets]
        var cumulative = 0
        for v in variants {
            cumulative += v.weight
            bounds.append(total == 0 ? 10_000 : holdoutBuckets + (10_000 - holdoutBuckets) * cumulative / total)
        }
        return bounds
    }

    /// The arm of a bucket (0..<10,000), or nil for the holdout.
    public func arm(forBucket b: Int) -> String? {
        if b < holdoutBuckets { return nil }
        let bounds = bucketBounds
        for (i, v) in variants.enumerated() where b < bounds[i + 1] { return v.name }
        return variants.last?.name
    }
}

public struct CheckedVariant: Sendable {
    public var name: String
    public var weight: Int
    public var subject: CheckedTemplate?
    public var preheader: CheckedTemplate?
    public var from: String?
    /// Slots this arm fills differently.
    public var slots: [CheckedSlot]
}
