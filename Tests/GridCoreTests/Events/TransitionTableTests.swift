import Foundation
import Testing
@testable import GridCore

@Suite("Event state machine: the whole transition table")
struct TransitionTableTests {
    @Test("every (state, action, role) is the documented success or refusal", arguments: TransitionCase.all)
    func transition(_ triple: TransitionCase) throws {
        let expected = try #require(TransitionTable.expected(triple), "the expectation table misses \(triple.testDescription)")
        let event = triple.fixture.snapshot
        let action = try #require(SampleAction.action(triple.name))
        let actor = EventFixtures.actor(triple.role)
        do {
            let transition = try EventFixtures.apply(action, to: event, by: actor)
            #expect(expected == .to(transition.event.state))
            #expect(transition.event.version == event.version + 1)
            #expect(transition.entry.action == triple.name)
            #expect(transition.entry.from == event.state)
            #expect(transition.entry.to == transition.event.state)
            #expect(transition.entry.actorID == actor.userID)
            #expect(transition.entry.actorRole == triple.role)
            #expect(!transition.notifications.contains { $0.recipient == .user(actor.userID) })
        } catch {
            switch (expected, error) {
            case (.illegal, .illegalInState(let name, let state)):
                #expect(name == triple.name && state == event.state)
            case (.notPermitted, .notPermitted(let name, let role)):
                #expect(name == triple.name && role == triple.role)
            case (.outOfScope, .outOfScope):
                break
            case (.conflict(let conflict), .conflict(let name, let found)):
                #expect(name == triple.name && found == conflict)
            default:
                Issue.record("expected \(expected), got \(error)")
            }
        }
    }

    @Test("the table lists only combinations the role and state checks let through")
    func tableIsConsistent() {
        for (fixture, actions) in TransitionTable.rows {
            for (name, byRole) in actions {
                #expect(TransitionTable.legal[name]?.contains(fixture.snapshot.state) == true, "\(fixture) \(name)")
                for role in byRole.keys {
                    #expect(TransitionTable.mayEver[name]?.contains(role) == true, "\(fixture) \(name) \(role)")
                }
            }
        }
    }

    @Test("the machine publishes the same role and state sets the table documents")
    func publishedSets() {
        for name in SampleAction.names {
            #expect(EventMachine.roles(for: name) == TransitionTable.mayEver[name], "\(name)")
            #expect(EventMachine.legalStates(for: name) == TransitionTable.legal[name], "\(name)")
        }
        #expect(SampleAction.names.count == 26)
    }
}
