import HeraldDatabase
import HeraldDiagnostics
import HeraldEmail
import HeraldPlan
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSupport

/// Who a preview renders for: the recipient's fields and relation rows, the arm and the chosen
/// block alternatives. Read from a JSON profile file or through the audience query on a database.
///
/// A profile file is `{"customer": {FIELD: VALUE, …}, "relations": {NAME: [{FIELD: VALUE}, …]},
/// "arm": NAME, "blocks": {SLOT: INDEX}}`; every key is optional, absent fields are null.
public struct PreviewProfile: Sendable {
    public var input: RenderInput
    public var arm: String?
    public var choices: [String: Int]

    /// The builtins a send system supplies, with stand-ins for a preview.
    static func builtins(campaign: String, arm: String?, postalAddress: String?) -> [String: RuntimeValue] {
        [
            "unsubscribe_url": .string("https://unsubscribe.example/preview"),
            "postal_address": .string(postalAddress ?? ""),
            "campaign.name": .string(campaign),
            "campaign.variant": .string(arm ?? ""),
        ]
    }

    public static func read(json: JSONValue, schema: Schema, message: CompiledMessage) -> Result<PreviewProfile, PreviewError> {
        guard let object = json.objectValue else { return .failure(PreviewError("the profile must be a JSON object")) }
        for key in object.keys where !["customer", "relations", "arm", "blocks"].contains(key) {
            return .failure(PreviewError("the profile has an unknown key `\(key)`; it may have `customer`, `relations`, `arm` and `blocks`"))
        }
        var fields: [String: RuntimeValue] = [:]
        let known = [schema.customer.key] + schema.customer.fields
        for (name, value) in object["customer"]?.objectValue ?? [:] {
            guard known.contains(where: { $0.name == name }) else {
                let hint = Suggestions.closest(to: name, among: known.map(\.name)).map { "; did you mean `\($0)`?" } ?? ""
                return .failure(PreviewError("the schema has no customer field `\(name)`\(hint)"))
            }
            fields[name] = RuntimeValue(json: value)
        }
        var relations: [String: [[String: RuntimeValue]]] = [:]
        for (name, rows) in object["relations"]?.objectValue ?? [:] {
            guard schema.relation(named: name) != nil else { return .failure(PreviewError("the schema has no relation `\(name)`")) }
            relations[name] = (rows.arrayValue ?? []).map { ($0.objectValue ?? [:]).mapValues(RuntimeValue.init(json:)) }
        }
        let arm = object["arm"]?.stringValue
        if let arm, !message.armNames.contains(arm) {
            return .failure(PreviewError("the campaign has no arm `\(arm)`" + (message.armNames.isEmpty ? "" : "; its arms are \(message.armNames.joined(separator: ", "))")))
        }
        let choices = (object["blocks"]?.objectValue ?? [:]).compactMapValues { $0.intValue.map(Int.init) }
        let input = RenderInput(fields: fields, relations: relations,
                                builtins: builtins(campaign: message.campaign, arm: arm, postalAddress: message.postalAddress))
        return .success(PreviewProfile(input: input, arm: arm ?? message.armNames.first, choices: choices))
    }

    /// The sample recipient compile-time validation uses, in the first arm.
    public static func sample(schema: Schema, message: CompiledMessage) -> PreviewProfile {
        let arm = message.armNames.first
        var input = SampleProfile.input(schema: schema, campaign: message.campaign, variant: arm, postalAddress: message.postalAddress)
        input.builtins = builtins(campaign: message.campaign, arm: arm, postalAddress: message.postalAddress)
        return PreviewProfile(input: input, arm: arm, choices: [:])
    }

    /// The recipient's row of the campaign's audience query at `asOf`, and their relation rows.
    public static func read(database db: DatabaseConnection, dialect: any SQLDialect, plan: ProjectPlan, campaign: CampaignPlan,
                            message: CompiledMessage, customer key: String, asOf: Int64) -> Result<PreviewProfile, PreviewError> {
        let schema = plan.schema
        let result: QueryResult
        do {
            result = try AudienceRunner.run(AudienceQuery(dialect: dialect, plan: plan).sql(campaign), dialect: dialect, on: db, asOf: asOf)
        } catch {
            return .failure(PreviewError("the audience query failed: \(error.message)"))
        }
        guard let keyIndex = result.columns.firstIndex(of: schema.customer.key.name),
              let row = result.rows.first(where: { $0[keyIndex].description == key }) else {
            return .failure(PreviewError("customer `\(key)` is not in the audience of `\(campaign.name)` as of \(CivilTime.iso8601(asOf))"))
        }
        var fields: [String: RuntimeValue] = [:]
        var arm: String?
        var choices: [String: Int] = [:]
        let allFields = [schema.customer.key] + schema.customer.fields
        for (i, column) in result.columns.enumerated() {
            if column == "herald_arm" { arm = row[i] == .null ? nil : row[i].description }
            else if column.hasPrefix("herald_block_"), case .int(let n) = row[i] { choices[String(column.dropFirst("herald_block_".count))] = Int(n) }
            else if let f = allFields.first(where: { $0.name == column }) { fields[f.name] = runtime(row[i], type: f.type) }
        }
        if arm == "holdout" {
            return .failure(PreviewError("customer `\(key)` is in the experiment's holdout and receives no email"))
        }
        var relations: [String: [[String: RuntimeValue]]] = [:]
        for name in message.relations {
            guard let r = schema.relation(named: name) else { continue }
            let literal = schema.customer.key.type == .int && Int64(key) != nil ? key : dialect.string(key)
            var sql = "SELECT \(r.fields.map { dialect.quote($0.column) }.joined(separator: ", ")) FROM \(dialect.quote(r.table))"
                + " WHERE \(dialect.quote(r.customerColumn)) = \(literal)"
            if let order = r.orderBy { sql += " ORDER BY \(dialect.quote(order))" }
            do {
                let rows = try db.query(sql)
                relations[name] = rows.rows.map { values in
                    Dictionary(uniqueKeysWithValues: zip(r.fields, values).map { ($0.name, runtime($1, type: $0.type)) })
                }
            } catch {
                return .failure(PreviewError("reading the relation `\(name)` failed: \(error.message)"))
            }
        }
        let input = RenderInput(fields: fields, relations: relations,
                                builtins: builtins(campaign: message.campaign, arm: arm, postalAddress: message.postalAddress))
        return .success(PreviewProfile(input: input, arm: arm, choices: choices))
    }

    /// A database value as the template sees a field of that type (SQLite stores booleans as 0/1).
    static func runtime(_ v: DatabaseValue, type: ValueType) -> RuntimeValue {
        switch v {
        case .null: return .null
        case .int(let i): return type == .bool ? .bool(i != 0) : .int(i)
        case .double(let d): return .double(d)
        case .text(let s):
            if type == .bool { return .bool(s == "t" || s == "true" || s == "1") }
            if type == .int, let i = Int64(s) { return .int(i) }
            if type == .decimal, let d = Double(s) { return .double(d) }
            return .string(s)
        }
    }
}

/// Why a preview cannot be rendered (an invocation problem: exit code 2).
public struct PreviewError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
