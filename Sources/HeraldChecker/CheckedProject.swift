import HeraldSchema
import HeraldSupport
import HeraldSource
import HeraldSyntax

/// The checker's output: a project whose every name is resolved and every expression typed.
public struct CheckedProject: Sendable {
    public var settings: ProjectSettings
    public var schema: Schema
    /// The typed consent rule; nil when the schema has none (an error if marketing campaigns exist).
    public var consent: TypedExpr?
    public var segments: [CheckedSegment]
    /// Sorted by name.
    public var campaigns: [CheckedCampaign] { didSet { campaignIndex = NameIndex(campaigns.lazy.map(\.name)) } }
    /// Segments the checked campaigns and segments reference, directly or not.
    public var usedSegments: Set<String> = []
    private var campaignIndex: NameIndex

    public init(settings: ProjectSettings, schema: Schema, consent: TypedExpr?, segments: [CheckedSegment], campaigns: [CheckedCampaign]) {
        self.settings = settings
        self.schema = schema
        self.consent = consent
        self.segments = segments
        self.campaigns = campaigns
        campaignIndex = NameIndex(campaigns.lazy.map(\.name))
    }

    public func campaign(named name: String) -> CheckedCampaign? { campaignIndex[name].map { campaigns[$0] } }
}

/// `herald.yaml`, checked.
public struct ProjectSettings: Sendable {
    public var name: String
    public var targets: [Located<String>]
    public var timezone: String
    public var from: String?
    public var postalAddress: String?
    public var frequencyCap: FrequencyCap?
    public var quietHours: QuietHours?
    public var limits: ProjectLimits
}

public struct CheckedSegment: Sendable {
    public var name: String
    public var description: String?
    public var owner: String?
    public var rule: TypedExpr
    public var span: Span
}

public enum CampaignKind: String, Sendable, Hashable {
    case marketing, transactional
}

public struct CheckedCampaign: Sendable {
    public var name: String
    public var file: FileID
    public var span: Span
    public var description: String?
    public var owner: String?
    public var kind: CampaignKind
    /// Nil means every customer (still subject to consent for marketing).
    public var audience: TypedExpr?
    public var trigger: CheckedTrigger?
    public var frequencyCap: FrequencyCap?
    public var quietHours: QuietHours?
    public var message: CheckedMessage
    public var experiment: CheckedExperiment?
}

/// `N per D`: at most N sends in any window of length D.
public struct FrequencyCap: Sendable, Hashable {
    public var count: Int
    public var window: Interval
    public var span: Span?

    public init(count: Int, window: Interval, span: Span?) {
        self.count = count
        self.window = window
        self.span = span
    }
}

/// Local times (minutes after midnight) during which nothing is sent.
public struct QuietHours: Sendable, Hashable {
    public enum Policy: String, Sendable, Hashable {
        /// Send when the quiet hours end.
        case `defer`
        /// Drop the send.
        case skip
    }

    public var from: Int
    public var to: Int
    public var policy: Policy

    /// Whether a local minute of the day falls inside the quiet hours (which may wrap midnight).
    public func contains(minuteOfDay m: Int) -> Bool {
        from <= to ? (m >= from && m < to) : (m >= from || m < to)
    }
}
