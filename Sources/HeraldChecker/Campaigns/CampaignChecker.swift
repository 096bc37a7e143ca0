import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Checks one campaign: audience, trigger, caps, message and experiment.
struct CampaignChecker {
    let schema: Schema
    let settings: ProjectSettings
    let layouts: [String: LayoutSyntax]
    let resolveSegment: (Located<String>, inout DiagnosticBag) -> TypedExpr?
    var diagnostics = DiagnosticBag()

    init(schema: Schema, settings: ProjectSettings, layouts: [String: LayoutSyntax],
         resolveSegment: @escaping (Located<String>, inout DiagnosticBag) -> TypedExpr?) {
        self.schema = schema
        self.settings = settings
        self.layouts = layouts
        self.resolveSegment = resolveSegment
    }

    func expressionChecker() -> ExpressionChecker {
        ExpressionChecker(schema: schema, resolveSegment: resolveSegment)
    }

    mutating func condition(_ e: Expr, scope: ExpressionScope = .audience, what: String) -> TypedExpr? {
        var checker = expressionChecker()
        let t = checker.condition(e, scope: scope, what: what)
        diagnostics.merge(checker.diagnostics)
        return t.type.isError ? nil : t
    }

    mutating func check(_ c: CampaignSyntax) -> CheckedCampaign? {
        var ok = true
        var audience: TypedExpr?
        if let a = c.audience {
            audience = condition(a, what: "the audience rule")
            ok = ok && audience != nil
        }
        let trigger = c.trigger.flatMap { checkTrigger($0) }
        if let t = trigger, schema.sends == nil {
            diagnostics.emit(Diagnostic(.missingSendsLog, "A triggered or scheduled campaign needs the sends log, and `schema.yaml` declares none.", at: t.span)
                .help("Declare `sends: { table: herald_sends, columns: { customer: customer_id, campaign: campaign, arm: arm, sent_at: sent_at } }`."))
            ok = false
        }
        if c.trigger != nil && trigger == nil { ok = false }
        let cap = c.frequencyCap.flatMap { SettingsChecker.cap($0, diagnostics: &diagnostics) }
        let quiet = c.quietHours.flatMap { SettingsChecker.quietHours($0, diagnostics: &diagnostics) }
        let kind: CampaignKind = c.kind?.value == "transactional" ? .transactional : .marketing
        var messageChecker = MessageChecker(schema: schema, settings: settings, layouts: layouts, resolveSegment: resolveSegment)
        let message = c.message.flatMap { messageChecker.check($0, kind: kind, campaignSpan: c.span) }
        var experiment: CheckedExperiment?
        if let e = c.experiment, let message {
            experiment = messageChecker.checkExperiment(e, message: message)
            ok = ok && experiment != nil
        }
        diagnostics.merge(messageChecker.diagnostics)
        guard ok, let name = c.name, c.kind != nil, let message else { return nil }
        return CheckedCampaign(name: name.value, file: c.span.file, span: c.span, description: c.description?.value, owner: c.owner?.value,
                               kind: kind, audience: audience, trigger: trigger, frequencyCap: cap, quietHours: quiet,
                               message: message, experiment: experiment)
    }

    mutating func checkTrigger(_ t: TriggerSyntax) -> CheckedTrigger? {
        if let on = t.on {
            guard let event = schema.events.type(named: on.value) else {
                diagnostics.emit(Diagnostic(.unknownEvent, "The schema has no event `\(on.value)`.", at: on.span)
                    .suggesting(on.value, among: schema.events.types.map(\.name), at: on.span))
                return nil
            }
            var filter: TypedExpr?
            if let w = t.filter {
                filter = condition(w, scope: ExpressionScope(event: .trigger(event), allowsAggregates: false, allowsSegments: false), what: "the trigger filter")
                if filter == nil { return nil }
            }
            var exits: [EventType] = []
            for e in t.exitIf {
                guard let type = schema.events.type(named: e.value) else {
                    diagnostics.emit(Diagnostic(.unknownEvent, "The schema has no event `\(e.value)`.", at: e.span)
                        .suggesting(e.value, among: schema.events.types.map(\.name), at: e.span))
                    return nil
                }
                exits.append(type)
            }
            var reentry = Reentry.once
            if let r = t.reentry {
                let words = r.value.split(separator: " ")
                if r.value == "once" { reentry = .once } else if r.value == "always" { reentry = .always } else if words.count == 2, words[0] == "every",
                          let d = Interval.parse(String(words[1])), d.seconds > 0 {
                    reentry = .every(d)
                } else {
                    diagnostics.emit(Diagnostic(.invalidSchedule, "`\(r.value)` is not a re-entry rule.", at: r.span)
                        .help("Write `once`, `always` or `every 30d`."))
                    return nil
                }
            }
            for (key, span) in [("every", t.every?.span), ("day", t.day?.span), ("at", t.at?.span), ("timezone", t.timezone?.span)] {
                if let span {
                    diagnostics.emit(Diagnostic(.invalidSchedule, "`\(key)` belongs to scheduled triggers, not to `on:` event triggers.", at: span))
                    return nil
                }
            }
            return CheckedTrigger(kind: .event(EventTrigger(event: event, filter: filter, delay: t.delay?.value ?? Interval(seconds: 0),
                                                            exitOn: exits, reentry: reentry)), span: t.span)
        }
        for (key, span) in [("where", t.filter?.span), ("delay", t.delay?.span), ("exit_if", t.exitIf.first?.span), ("reentry", t.reentry?.span)] {
            if let span {
                diagnostics.emit(Diagnostic(.invalidSchedule, "`\(key)` belongs to event triggers (`on:`), not to schedules.", at: span))
                return nil
            }
        }
        if let once = t.once {
            guard once.value.count > 10, let instant = CivilTime.parseInstant(once.value) else {
                diagnostics.emit(Diagnostic(.invalidSchedule, "`\(once.value)` is not an instant with a time zone.", at: once.span)
                    .help("Write an ISO 8601 instant such as `2026-12-01T09:00:00Z`."))
                return nil
            }
            return CheckedTrigger(kind: .once(instant), span: t.span)
        }
        guard let every = t.every else { return nil }
        guard let at = t.at else {
            diagnostics.emit(Diagnostic(.invalidSchedule, "A schedule needs `at:`, the local time of day to send.", at: every.span)
                .help("Write `at: \"09:00\"`."))
            return nil
        }
        guard let minutes = SettingsChecker.timeOfDay(at, diagnostics: &diagnostics) else { return nil }
        var weekday: Int?
        if every.value == "week" {
            guard let d = t.day else {
                diagnostics.emit(Diagnostic(.invalidSchedule, "A weekly schedule needs `day:`.", at: every.span).help("Write `day: monday`."))
                return nil
            }
            weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].firstIndex(of: d.value)
        } else if let d = t.day {
            diagnostics.emit(Diagnostic(.invalidSchedule, "`day` only applies to `every: week`.", at: d.span))
            return nil
        }
        var zone = RecurringSchedule.Zone.project(settings.timezone)
        if let z = t.timezone {
            switch z.value {
            case "project": zone = .project(settings.timezone)
            case "customer":
                guard schema.customer.timezone != nil else {
                    diagnostics.emit(Diagnostic(.invalidSchedule, "`timezone: customer` needs a time zone field in the schema.", at: z.span)
                        .help("Declare it in `schema.yaml`: `customer: { timezone: tz, fields: { tz: string } }`."))
                    return nil
                }
                zone = .customer
            default:
                guard let name = SettingsChecker.zone(z, diagnostics: &diagnostics) else { return nil }
                zone = .fixed(name)
            }
        }
        return CheckedTrigger(kind: .recurring(RecurringSchedule(period: every.value == "week" ? .week : .day, weekday: weekday,
                                                                   at: minutes, zone: zone)), span: t.span)
    }
}
