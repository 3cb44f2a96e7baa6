import Foundation
import GridCore
import Vapor

/// `POST /api/v1/{people|rooms|organizations}/import`: one CSV with Chinese headers as the body;
/// `dry_run=true` only checks. Every problem is answered at once (422, each with its row and column).
/// `GET /api/v1/{people|rooms|organizations}/export?unit=`: the same format back, masked unless
/// `unmask=true` with a reason by someone who may unmask.
struct BasicDataImportRoutes {
    func register(_ api: APIRouter) {
        for kind in BasicDataImportService.Kind.allCases {
            api.add(.POST, "\(kind.rawValue)/import", summary: "Import \(kind.rawValue) from CSV (Chinese headers; all or nothing; dry_run only checks)",
                    tag: "basic-data", access: .permission(.basicDataWrite),
                    query: [.query("dry_run", .boolean(), "Only check and report (default false)")],
                    response: ImportResultDTO.self) { req, principal in
                let principal = try APIRouter.signedIn(principal)
                guard let buffer = req.body.data, buffer.readableBytes > 0 else {
                    throw ValidationFailure(field: "body", zh: "请上传 CSV 文件内容", en: "send the CSV text as the body")
                }
                let dryRun = req.query[Bool.self, at: "dry_run"] ?? false
                let rows = try await BasicDataImportService(services: try req.grid).run(
                    kind, csv: String(decoding: buffer.readableBytesView, as: UTF8.self), dryRun: dryRun, scope: principal.unitPath,
                    actor: principal.auditActor(for: req), on: req.db)
                return ImportResultDTO(rows: rows, imported: dryRun ? 0 : rows, dryRun: dryRun)
            }
            api.addFile(.GET, "\(kind.rawValue)/export",
                        summary: "The \(kind.rawValue) of a unit as CSV with Chinese headers (masked unless unmask=true with a reason; audited)",
                        tag: "basic-data", access: .permission(.basicDataRead), mediaType: "text/csv") { req, principal in
                let principal = try APIRouter.signedIn(principal)
                let services = try req.grid
                let unit = try await PeopleController.unit(req, principal)
                let reason = try PeopleController.unmaskRequest(req, principal, on: unit.path, services: services)
                let csv = try await BasicDataExportService(services: services).csv(
                    kind, under: unit, clearReason: reason, actor: principal.auditActor(for: req), on: req.db)
                return PeopleController.csvResponse(csv, name: "\(kind.rawValue)-\(unit.code).csv")
            }
        }
    }
}
