import Foundation
import GridCore
import GridStore
import Vapor

/// The services configure() sets up once per application, reachable from `app` and `req`.
public struct GridServices: Sendable {
    public let config: ServerConfig
    public let keyRing: KeyRing
    public let policy: AccessPolicy
    public let clock: GridClock
    public let metrics: ServerMetrics
    public let openAPI: OpenAPIRegistry
    public let strings: PageStrings
    public let passwords: PasswordHasher
    /// The grids in memory for point location.
    public let map: GridMapService
    /// The admission list in use.
    public let catalog: CatalogService
    /// The working-day calendar in use.
    public let calendars: CalendarService

    /// The working-day calendar now in force.
    public var calendar: WorkingCalendar { calendars.calendar }
}

extension Application {
    private struct GridServicesKey: StorageKey {
        typealias Value = GridServices
    }

    /// Set by `configure`; reading it before is a programming error reported as a 500.
    public var grid: GridServices {
        get throws {
            guard let services = storage[GridServicesKey.self] else {
                throw Abort(.internalServerError, reason: "GridGov services are not configured")
            }
            return services
        }
    }

    func setGridServices(_ services: GridServices) {
        storage[GridServicesKey.self] = services
    }
}

extension Request {
    public var grid: GridServices {
        get throws { try application.grid }
    }

    /// The caller's language: `?lang=`, then the `lang` cookie, then `Accept-Language`; Chinese by default.
    public var language: Language {
        if let query = try? query.get(String.self, at: "lang"), let language = Language(rawValue: query) {
            return language
        }
        if let cookie = cookies["lang"]?.string, let language = Language(rawValue: cookie) {
            return language
        }
        return Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage))
    }

    /// The peer address for the audit log (the load balancer's `X-Forwarded-For` is not trusted
    /// by default: it is trivially forged).
    public var clientAddress: String? {
        remoteAddress?.ipAddress
    }
}
