import Foundation
import Testing
@testable import GridCore

@Suite("OverduePolicy: what the sweep does when a stage's deadline passes")
struct OverduePolicyTests {
    @Test("the standard policy escalates stalled reports and urges every later stage")
    func standard() {
        let policy = OverduePolicy.standard
        #expect(policy.settings == ["triage": "escalate", "handling": "urge", "verification": "urge", "closing": "urge"])
        #expect(Set(policy.sweptStates) == [.reported, .accepted, .returned, .dispatched, .inProgress, .handled, .verified])
    }

    @Test("every open state belongs to one stage; finished states to none")
    func stages() {
        for state in EventState.allCases {
            let stages = OverduePolicy.Stage.allCases.filter { $0.states.contains(state) }
            #expect(stages.count == (state.isOpen ? 1 : 0), "\(state)")
        }
    }

    @Test("a partial change keeps the other stages; 'none' stops sweeping that stage")
    func partial() throws {
        let policy = try OverduePolicy(["handling": "none", "triage": "supervise"])
        #expect(policy.response(for: .handling) == OverduePolicy.Response.none)
        #expect(policy.response(for: .verification) == .urge)
        #expect(!policy.sweptStates.contains(.dispatched) && !policy.sweptStates.contains(.inProgress))
        #expect(policy.sweptStates.contains(.reported))
    }

    @Test("unknown stages and responses a stage does not allow are each refused by field, in both languages")
    func refusals() {
        #expect {
            _ = try OverduePolicy(["handling": "escalate", "lunch": "urge", "closing": "shout", "triage": "urge"])
        } throws: { error in
            guard let failures = error as? ValidationFailures else { return false }
            let fields = failures.failures.map(\.field)
            return fields == ["closing", "handling", "lunch"]
                && failures.failures.allSatisfy { !$0.reason.zhHans.isEmpty && !$0.reason.en.isEmpty }
        }
    }

    @Test("the action taken matches the stage's response")
    func actions() throws {
        let policy = try OverduePolicy(["triage": "escalate", "handling": "supervise", "verification": "none"])
        var event = EventSnapshot(
            id: UUID(), typeCode: "B0501", state: .reported, level: 2, reporterID: UUID(), reporterRole: .gridWorker,
            reportedAt: Date(timeIntervalSince1970: 1_700_000_000),
            gridPath: try #require(UnitPath(rawValue: "/510117/510117001/510117001001/510117001001001/")),
            ownerPath: try #require(UnitPath(rawValue: "/510117/510117001/510117001001/")))
        guard case .escalate = policy.action(for: event) else { Issue.record("expected escalate"); return }
        event.state = .inProgress
        guard case .supervise = policy.action(for: event) else { Issue.record("expected supervise"); return }
        event.state = .handled
        #expect(policy.action(for: event) == nil)
        event.state = .verified
        guard case .urge = policy.action(for: event) else { Issue.record("expected urge"); return }
        event.state = .closed
        #expect(policy.action(for: event) == nil)
    }
}
