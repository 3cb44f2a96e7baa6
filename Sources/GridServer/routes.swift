import Foundation
import GridCore
import Vapor

/// Registers every route collection; nothing else.
func routes(_ app: Application, _ services: GridServices) throws {
    let accounts = AccountService(services: services)
    let api = APIRouter(routes: app.grouped("api", "v1"), registry: services.openAPI)
    AuthController(accounts: accounts).register(api)
    UnitsController(units: UnitService(services: services)).register(api)
    UsersController(accounts: accounts).register(api)
    AuditController().register(api)
    GridsController(map: services.map, changes: GridChangeService(services: services, map: services.map)).register(api)
    EventsController(events: EventService(services: services)).register(api)
    CampaignsController(campaigns: CampaignService(services: services)).register(api)
    SettingsController().register(api)
    CalendarController().register(api)
    PeopleController().register(api)
    PeopleController().registerEditing(api)
    BasicDataImportRoutes().register(api)
    HousingController().register(api)
    OrganizationsController().register(api)
    DataQualityController().register(api)
    StatsController(indicators: IndicatorService(services: services)).register(api)
    AssessmentsController(assessments: AssessmentService(services: services)).register(api)
    DeclarationsController().register(api)
    WebhooksController(webhooks: WebhookService(services: services)).register(api)
    PatrolsController(patrols: PatrolService(services: services)).register(api)
    VisitsController().register(api)
    SyncController().register(api)
    RisksController(risks: RiskService(services: services)).register(api)

    OpsController(services: services).register(app)
    Open311Controller(services: services).register(app)
    StaticFilesController(
        bundledDirectory: GridResources.directory + "/Public", javascriptDirectory: services.config.javascriptDirectory
    ).register(app)
    ConsoleAuthController(accounts: accounts).register(app)
    ConsolePagesController(accounts: accounts).register(app)
    MapPageController().register(app)
    ConsoleEventsController(events: EventService(services: services)).register(app)
    DashboardController(events: EventService(services: services)).register(app)
    IndicatorsPageController().register(app)
    ConsolePeopleController().register(app)
    ConsoleBuildingsController().register(app)
    ConsoleOrganizationsController().register(app)
    ConsoleImportController().register(app)
    ConsoleGridController(events: EventService(services: services)).register(app)
    ConsoleAdminController(accounts: accounts, webhooks: WebhookService(services: services)).register(app)
    BoardController().register(app)
    DeclarePageController().register(app)
    try PortalController().register(app)
    MobileController(directory: GridResources.directory + "/Public/m").register(app)
}
