import Foundation
import GridCore
import Vapor

/// Run-time settings administrators change without a restart.
struct SettingsController {
    func register(_ api: APIRouter) {
        api.add(.GET, "settings/overdue-policy", summary: "What the platform does when a stage's deadline passes (超期自动处置策略)",
                tag: "settings", access: .permission(.eventsRead), response: OverduePolicyDTO.self) { req, _ in
            OverduePolicyDTO(try await OverduePolicyService.load(on: req.db), language: req.language)
        }
        api.add(.PUT, "settings/overdue-policy", summary: "Change the overdue policy: {stage: response}; stages left out keep theirs",
                tag: "settings", access: .permission(.settingsManage), body: OverduePolicyUpdateDTO.self,
                response: OverduePolicyDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let changes = try req.decodeBody(OverduePolicyUpdateDTO.self)
            let policy = try await OverduePolicyService.update(
                changes.responses, actor: principal.auditActor(for: req), now: try req.grid.clock.now, on: req.db)
            return OverduePolicyDTO(policy, language: req.language)
        }
    }
}
