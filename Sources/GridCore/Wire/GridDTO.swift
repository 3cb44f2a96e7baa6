import Foundation

/// A grid as other records and screens refer to it.
public struct GridRefDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: UnitKind

    public init(id: UUID, code: String, name: String, kind: UnitKind) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// `GET /api/v1/locate`: the grid under a point, special grids overlaying it, and the grid's
/// ancestors from the district down.
public struct LocateResultDTO: Codable, Sendable, Equatable {
    /// The point in GCJ-02, the datum the map is kept in.
    public var point: PointDTO
    public var grid: GridRefDTO?
    public var specialGrids: [GridRefDTO]
    public var ancestors: [UnitSummaryDTO]
    public var unitPath: String?

    public init(point: PointDTO, grid: GridRefDTO?, specialGrids: [GridRefDTO], ancestors: [UnitSummaryDTO], unitPath: String?) {
        self.point = point
        self.grid = grid
        self.specialGrids = specialGrids
        self.ancestors = ancestors
        self.unitPath = unitPath
    }

    enum CodingKeys: String, CodingKey {
        case point, grid, ancestors
        case specialGrids = "special_grids"
        case unitPath = "unit_path"
    }
}

public struct PointDTO: Codable, Sendable, Equatable {
    public var lon: Double
    public var lat: Double
    public var datum: String

    public init(lon: Double, lat: Double, datum: String) {
        self.lon = lon
        self.lat = lat
        self.datum = datum
    }
}

/// A person serving a grid (网格力量).
public struct GridStaffDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var gridCode: String
    public var name: String
    public var role: StaffRole
    public var workPhone: String?
    public var userID: UUID?
    public var validFrom: String
    public var validTo: String?

    public init(id: UUID, gridCode: String, name: String, role: StaffRole, workPhone: String?, userID: UUID?, validFrom: String, validTo: String?) {
        self.id = id
        self.gridCode = gridCode
        self.name = name
        self.role = role
        self.workPhone = workPhone
        self.userID = userID
        self.validFrom = validFrom
        self.validTo = validTo
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case gridCode = "grid_code"
        case workPhone = "work_phone"
        case userID = "user_id"
        case validFrom = "valid_from"
        case validTo = "valid_to"
    }
}

/// `POST /api/v1/grids/{code}/staff`.
public struct AssignStaffRequestDTO: Codable, Sendable, Equatable {
    /// An account (username) to link, or just a name for people without one.
    public var username: String?
    public var name: String?
    public var role: String
    public var workPhone: String?
    public var from: String?

    public init(username: String? = nil, name: String? = nil, role: String, workPhone: String? = nil, from: String? = nil) {
        self.username = username
        self.name = name
        self.role = role
        self.workPhone = workPhone
        self.from = from
    }

    enum CodingKeys: String, CodingKey {
        case username, name, role, from
        case workPhone = "work_phone"
    }
}

/// The list answers of the map API.
public struct GridStaffListDTO: Codable, Sendable, Equatable {
    public var items: [GridStaffDTO]
    public init(items: [GridStaffDTO]) { self.items = items }
}

public struct GridRefListDTO: Codable, Sendable, Equatable {
    public var items: [GridRefDTO]
    public init(items: [GridRefDTO]) { self.items = items }
}

/// `POST /api/v1/grids/import`: what was checked, what was (or would be) written.
public struct GridImportReportDTO: Codable, Sendable, Equatable {
    public struct Problem: Codable, Sendable, Equatable {
        public var kind: String
        public var feature: Int?
        public var code: String?
        public var field: String?
        public var message: String
        public var location: PointDTO?
        public var areaM2: Double?

        public init(kind: String, feature: Int?, code: String?, field: String?, message: String, location: PointDTO?, areaM2: Double?) {
            self.kind = kind
            self.feature = feature
            self.code = code
            self.field = field
            self.message = message
            self.location = location
            self.areaM2 = areaM2
        }

        enum CodingKeys: String, CodingKey {
            case kind, feature, code, field, message, location
            case areaM2 = "area_m2"
        }
    }

    public var dryRun: Bool
    public var valid: Bool
    public var features: Int
    public var created: [String]
    public var updated: [String]
    public var effectiveDate: String
    public var problems: [Problem]
    public var changeID: UUID?
    /// Set when the import was refused (HTTP 422), as every API error carries them.
    public var error: String?
    public var message: String?

    public init(dryRun: Bool, valid: Bool, features: Int, created: [String], updated: [String], effectiveDate: String, problems: [Problem], changeID: UUID?) {
        self.dryRun = dryRun
        self.valid = valid
        self.features = features
        self.created = created
        self.updated = updated
        self.effectiveDate = effectiveDate
        self.problems = problems
        self.changeID = changeID
    }

    enum CodingKeys: String, CodingKey {
        case valid, features, created, updated, problems
        case dryRun = "dry_run"
        case effectiveDate = "effective_date"
        case changeID = "change_id"
        case error, message
    }
}

/// A crosswalk answer (新旧网格对照).
public struct CrosswalkDTO: Codable, Sendable, Equatable {
    public var changeID: UUID?
    public var effectiveDate: String
    public var entries: [CrosswalkEntry]

    public init(changeID: UUID?, effectiveDate: String, entries: [CrosswalkEntry]) {
        self.changeID = changeID
        self.effectiveDate = effectiveDate
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case entries
        case changeID = "change_id"
        case effectiveDate = "effective_date"
    }
}

/// `POST /api/v1/grids/{code}/split`, `/merge`, `/redraw` bodies.
public struct GridPartDTO: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var geometry: GeoJSONGeometry

    public init(code: String, name: String, geometry: GeoJSONGeometry) {
        self.code = code
        self.name = name
        self.geometry = geometry
    }
}

public struct GridChangeRequestDTO: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`; today (Beijing time) when omitted.
    public var effectiveDate: String?
    public var datum: String
    /// redraw: the new outline. split: the parts. merge: the grids merged and the result.
    public var geometry: GeoJSONGeometry?
    public var parts: [GridPartDTO]?
    public var codes: [String]?
    public var into: GridPartDTO?

    public init(effectiveDate: String? = nil, datum: String, geometry: GeoJSONGeometry? = nil, parts: [GridPartDTO]? = nil, codes: [String]? = nil, into: GridPartDTO? = nil) {
        self.effectiveDate = effectiveDate
        self.datum = datum
        self.geometry = geometry
        self.parts = parts
        self.codes = codes
        self.into = into
    }

    enum CodingKeys: String, CodingKey {
        case datum, geometry, parts, codes, into
        case effectiveDate = "effective_date"
    }
}
