import HeraldPlan
import HeraldSchema

/// The sends log the simulator keeps, indexed by customer: what caps, re-entry and pending
/// triggers read, exactly as the eligibility query reads the `sends` table.
public struct SendsLog: Sendable {
    public private(set) var sends: [SampleDataset.Send] = []
    private var byCustomer: [Value: [Int]] = [:]

    public init(_ initial: [SampleDataset.Send] = []) {
        for s in initial { append(s) }
    }

    public mutating func append(_ s: SampleDataset.Send) {
        byCustomer[s.customer, default: []].append(sends.count)
        sends.append(s)
    }

    /// The customer's sends at or before an instant.
    func of(_ customer: Value, asOf: Int64) -> [SampleDataset.Send] {
        (byCustomer[customer] ?? []).map { sends[$0] }.filter { $0.sentAt <= asOf }
    }

    /// The latest send of a campaign to the customer, at or before `asOf`.
    func lastSent(_ customer: Value, campaign: String, asOf: Int64) -> Int64? {
        of(customer, asOf: asOf).filter { $0.campaign == campaign }.map(\.sentAt).max()
    }

    /// Mailed sends (held-out decisions excluded) of some campaigns in `(asOf − window, asOf]`.
    func mailed(_ customer: Value, campaigns: Set<String>, window: Int64, asOf: Int64) -> Int {
        of(customer, asOf: asOf).filter { s in
            campaigns.contains(s.campaign) && s.sentAt > asOf - window && s.arm != DeliveryPlan.holdoutArm
        }.count
    }
}
