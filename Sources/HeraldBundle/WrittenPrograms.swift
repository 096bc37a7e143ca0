import Foundation
import HeraldEmail
import HeraldSupport

/// The JSON of the layout programs a bundle's campaigns share, each written once: a layout's
/// program and its AMP version are most of every message file of the campaigns using it, and
/// escaping the same 40-80 KB of HTML again for each was most of writing them. The same for the
/// layout's Liquid text at the top of every `template.html`. Safe to use from every thread.
final class WrittenPrograms: @unchecked Sendable {
    struct Key: Hashable {
        var layout: SharedLayout
        var amp: Bool
    }

    private let lock = NSLock()
    private var written: [Key: JSONValue] = [:]
    private var liquid: [SharedLayout: String] = [:]

    /// The HTML program's Liquid text from `make`, once per shared layout; without one, made for
    /// this message alone.
    func liquid(_ layout: SharedLayout?, _ make: () -> String) -> String {
        guard let layout else { return make() }
        if let known = lock.withLock({ liquid[layout] }) { return known }
        let made = make()
        lock.withLock { liquid[layout] = made }
        return made
    }

    /// The program's JSON from `make`, written at `depth` once per shared layout (and part);
    /// without one, made for this message alone.
    func json(_ layout: SharedLayout?, amp: Bool, depth: Int, _ make: () -> JSONValue) -> JSONValue {
        guard let layout else { return make() }
        let key = Key(layout: layout, amp: amp)
        if let known = lock.withLock({ written[key] }) { return known }
        // Two threads may write the same program at once; both texts are the same.
        let made = JSONValue.written(make(), depth: depth)
        lock.withLock { written[key] = made }
        return made
    }
}
