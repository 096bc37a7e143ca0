import Foundation
import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Checks `herald.yaml` and the small value formats shared with campaigns (caps, times of day, zones).
enum SettingsChecker {
    static func check(_ p: ProjectSyntax?, limits: ProjectLimits, diagnostics: inout DiagnosticBag) -> ProjectSettings {
        let timezone = p?.timezone.flatMap { zone($0, diagnostics: &diagnostics) } ?? "UTC"
        var from: String?
        if let f = p?.from {
            if SenderAddress.isValid(f.value) { from = f.value } else {
                diagnostics.emit(Diagnostic(.invalidSender, "`\(f.value)` is not a sender address.", at: f.span)
                    .help("Write `news@acme.example` or `Acme <news@acme.example>`."))
            }
        }
        return ProjectSettings(
            name: p?.name?.value ?? "project",
            targets: p?.targets.isEmpty == false ? p!.targets : [],
            timezone: timezone, from: from, postalAddress: p?.postalAddress?.value,
            frequencyCap: p?.frequencyCap.flatMap { cap($0, diagnostics: &diagnostics) },
            quietHours: p?.quietHours.flatMap { quietHours($0, diagnostics: &diagnostics) },
            limits: limits)
    }

    /// `N per DURATION`.
    static func cap(_ s: Located<String>, diagnostics: inout DiagnosticBag) -> FrequencyCap? {
        let parts = s.value.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 3, parts[1] == "per", let n = Int(parts[0]), n >= 1, n <= 1000, let d = Interval.parse(String(parts[2])), d.seconds > 0 {
            return FrequencyCap(count: n, window: d, span: s.span)
        }
        diagnostics.emit(Diagnostic(.invalidSchedule, "`\(s.value)` is not a frequency cap.", at: s.span)
            .help("Write the number of sends and the window, as in `1 per 7d` or `3 per 1w`."))
        return nil
    }

    /// `HH:MM` as minutes after midnight.
    static func timeOfDay(_ s: Located<String>, diagnostics: inout DiagnosticBag) -> Int? {
        let parts = s.value.split(separator: ":")
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 {
            return h * 60 + m
        }
        diagnostics.emit(Diagnostic(.invalidSchedule, "`\(s.value)` is not a time of day.", at: s.span)
            .help("Write a 24-hour time as `HH:MM`, in quotes: `\"21:00\"`."))
        return nil
    }

    static func quietHours(_ q: QuietHoursSyntax, diagnostics: inout DiagnosticBag) -> QuietHours? {
        guard let f = q.from, let t = q.to,
              let from = timeOfDay(f, diagnostics: &diagnostics), let to = timeOfDay(t, diagnostics: &diagnostics) else { return nil }
        if from == to {
            diagnostics.emit(Diagnostic(.invalidSchedule, "Quiet hours that start and end at the same time are empty.", at: q.span))
            return nil
        }
        return QuietHours(from: from, to: to, policy: q.policy?.value == "skip" ? .skip : .defer)
    }

    /// An IANA time zone name known to this machine's time zone database.
    static func zone(_ s: Located<String>, diagnostics: inout DiagnosticBag) -> String? {
        if s.value == "UTC" || TimeZone(identifier: s.value) != nil { return s.value }
        diagnostics.emit(Diagnostic(.invalidSchedule, "`\(s.value)` is not a time zone.", at: s.span)
            .suggesting(s.value, among: TimeZone.knownTimeZoneIdentifiers, at: s.span)
            .note("Time zones are IANA names such as `America/New_York` or `Europe/Berlin`."))
        return nil
    }
}

/// Sender addresses as written in `from:`: `addr@domain` or `Display Name <addr@domain>`.
public enum SenderAddress {
    public static func isValid(_ s: String) -> Bool {
        var address = s.trimmingCharacters(in: .whitespaces)
        if address.hasSuffix(">"), let open = address.lastIndex(of: "<") {
            address = String(address[address.index(after: open)..<address.index(before: address.endIndex)])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !address.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0.isNewline })
    }
}
