import Foundation
import HeraldDatabase
import HeraldPlan
import HeraldSQL

/// Commands that act on one campaign take its file (or its name inside `--project`).
public enum CampaignTarget {
    /// Loads and compiles the project around a campaign; returns the compilation and the campaign name.
    public static func compile(_ campaign: String, project: String) -> (Compilation, String?) {
        let isFile = FileManager.default.fileExists(atPath: campaign) && !campaign.hasSuffix("/")
        let loaded = ProjectLoader.load(isFile ? campaign : project)
        let compilation = Compilation.run(loaded)
        if isFile {
            let name = loaded.tree.campaigns.first { $0.span.file == loaded.focus }?.name?.value
            return (compilation, name)
        }
        return (compilation, compilation.checked?.campaign(named: campaign)?.name)
    }
}

/// `sqlite:FILE` or a PostgreSQL URL, opened with the matching dialect.
public enum DatabaseSpec {
    public static func open(_ spec: String) throws(DatabaseError) -> (DatabaseConnection, any SQLDialect) {
        if spec.hasPrefix("sqlite:") {
            let path = String(spec.dropFirst("sqlite:".count))
            guard FileManager.default.fileExists(atPath: path) else { throw DatabaseError("the SQLite database `\(path)` does not exist") }
            return (try SQLiteConnection(path: path, readOnly: true), SQLiteDialect())
        }
        if spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://") || spec.contains("host=") {
            return (try PostgresConnection(url: spec), PostgresDialect())
        }
        throw DatabaseError("`\(spec)` is not a database: use `sqlite:FILE` or `postgres://USER@HOST:PORT/DB`")
    }
}
