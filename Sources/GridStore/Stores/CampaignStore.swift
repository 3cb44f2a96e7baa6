import FluentKit
import Foundation
import GridCore
import SQLKit

/// Special rectifications (专项整治) and their members.
public enum CampaignStore {
    public struct StoredCampaign: Sendable, Equatable {
        public let campaign: Campaign
        public let createdBy: String
        public let createdAt: Date
    }

    /// Member events counted by state, and how many are overdue at `now`.
    public struct MemberCounts: Sendable, Equatable {
        public var byState: [EventState: Int] = [:]
        public var overdue = 0

        public init() {}
    }

    /// Stores a new campaign; false when one with this id exists (a repeated submission).
    public static func insert(_ campaign: Campaign, by actor: String, on db: any Database, now: Date) async throws -> Bool {
        let row = try await (try db.sql).raw("""
            INSERT INTO campaigns (id, name, lead_path, scope_path, due_on, document, created_by, created_at)
            VALUES (\(bind: campaign.id), \(bind: campaign.name), \(bind: campaign.leadPath.rawValue), \(bind: campaign.scopePath.rawValue),
              \(bind: campaign.dueOn.description), \(bind: try StoreJSON.text(campaign)), \(bind: actor), \(bind: now))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """).first()
        return row != nil
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> StoredCampaign? {
        try await (try db.sql).raw("SELECT * FROM campaigns WHERE id = \(bind: id)").first().map(decode)
    }

    /// Campaigns a user with scope `path` takes part in: those covering their unit or lying
    /// inside their scope, and those their unit leads. Open ones first, then by due day.
    public static func list(visibleTo path: UnitPath, includeClosed: Bool, page: Int, per: Int, on db: any Database) async throws
        -> (items: [StoredCampaign], total: Int)
    {
        let ancestors = path.ancestorsAndSelf.map { SQLBind($0.rawValue) }
        let visible: SQLQueryString = """
            ((scope_path >= \(bind: path.rawValue) AND scope_path < \(bind: path.subtreeUpperBound))
              OR (lead_path >= \(bind: path.rawValue) AND lead_path < \(bind: path.subtreeUpperBound))
              OR scope_path IN \(SQLGroupExpression(ancestors)))
            """
        let open: SQLQueryString = includeClosed ? "" : " AND closed_at IS NULL"
        let sql = try db.sql
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM campaigns WHERE \(visible)\(open)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM campaigns WHERE \(visible)\(open)
            ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, due_on, id LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all()
        return (try rows.map(decode), total)
    }

    /// Ends a campaign with the lead's note.
    public static func close(_ campaign: Campaign, on db: any Database) async throws {
        try await (try db.sql).raw("""
            UPDATE campaigns SET document = \(bind: try StoreJSON.text(campaign)), closed_at = \(bind: campaign.closedAt) WHERE id = \(bind: campaign.id)
            """).run()
    }

    /// Adds `events` to the campaign; returns the ids that already belong to a campaign (this
    /// one or another) and were left where they are.
    public static func add(_ events: [UUID], to campaignID: UUID, by actor: String, on db: any Database, now: Date) async throws -> [UUID] {
        var taken: [UUID] = []
        let sql = try db.sql
        for id in events {
            let row = try await sql.raw("""
                INSERT INTO campaign_events (campaign_id, event_id, added_at, added_by)
                VALUES (\(bind: campaignID), \(bind: id), \(bind: now), \(bind: actor))
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id
                """).first()
            if row == nil { taken.append(id) }
        }
        return taken
    }

    /// The campaign an event belongs to, if any.
    public static func campaign(of eventID: UUID, on db: any Database) async throws -> UUID? {
        try await (try db.sql).raw("SELECT campaign_id FROM campaign_events WHERE event_id = \(bind: eventID)")
            .first()?.decode(column: "campaign_id", as: UUID.self)
    }

    /// Member counts of each campaign in `ids`, in one query.
    public static func counts(_ ids: [UUID], now: Date, on db: any Database) async throws -> [UUID: MemberCounts] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (try db.sql).raw("""
            SELECT ce.campaign_id AS campaign, e.state AS state, COUNT(*) AS n,
              SUM(CASE WHEN e.deadline_at < \(bind: now) AND e.state NOT IN ('closed', 'archived', 'rejected') THEN 1 ELSE 0 END) AS late
            FROM campaign_events ce JOIN events e ON e.id = ce.event_id
            WHERE ce.campaign_id IN \(SQLGroupExpression(ids.map { SQLBind($0) }))
            GROUP BY ce.campaign_id, e.state
            """).all()
        var counts: [UUID: MemberCounts] = [:]
        for row in rows {
            let id = try row.decode(column: "campaign", as: UUID.self)
            guard let state = EventState(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            counts[id, default: MemberCounts()].byState[state] = try row.decode(column: "n", as: Int.self)
            counts[id, default: MemberCounts()].overdue += try row.decode(column: "late", as: Int?.self) ?? 0
        }
        return counts
    }

    // MARK: rows

    private static func decode(_ row: any SQLRow) throws -> StoredCampaign {
        StoredCampaign(
            campaign: try StoreJSON.decode(Campaign.self, from: try row.decode(column: "document", as: String.self)),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
