import Foundation

/// `POST /api/v1/visits`: one household visit as the phone records it (its own id, so a replay
/// records nothing twice).
public struct VisitRecordDTO: Codable, Sendable, Equatable {
    public var id: UUID
    /// The household's key as the due list gives it.
    public var householdID: String
    public var visitedAt: Date
    /// Whom the worker met (本人, 家属, 无人在家…).
    public var met: String
    public var notes: String?
    /// What the household needs (诉求).
    public var needs: String?

    public init(id: UUID, householdID: String, visitedAt: Date, met: String, notes: String? = nil, needs: String? = nil) {
        self.id = id
        self.householdID = householdID
        self.visitedAt = visitedAt
        self.met = met
        self.notes = notes
        self.needs = needs
    }

    enum CodingKeys: String, CodingKey {
        case id, met, notes, needs
        case householdID = "household_id"
        case visitedAt = "visited_at"
    }
}

/// `GET /api/v1/visits/due`: the households owed a visit, most pressing first.
public struct VisitDueListDTO: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var householdID: String
        public var addressCode: String?
        public var members: Int
        public var careGroups: [String]
        /// `monthly` (每月必访) or `quarterly` (每季两次).
        public var reason: String
        public var required: Int
        public var made: Int
        public var dueBy: String
        public var behind: Bool

        public init(householdID: String, addressCode: String?, members: Int, careGroups: [String], reason: String, required: Int,
                    made: Int, dueBy: String, behind: Bool) {
            (self.householdID, self.addressCode, self.members, self.careGroups) = (householdID, addressCode, members, careGroups)
            (self.reason, self.required, self.made, self.dueBy, self.behind) = (reason, required, made, dueBy, behind)
        }

        enum CodingKeys: String, CodingKey {
            case members, reason, required, made, behind
            case householdID = "household_id"
            case addressCode = "address_code"
            case careGroups = "care_groups"
            case dueBy = "due_by"
        }
    }

    public var today: String
    /// Households owed a visit in all; `items` holds at most the first 300.
    public var total: Int
    public var items: [Item]

    public init(today: String, total: Int, items: [Item]) {
        self.today = today
        self.total = total
        self.items = items
    }
}
