@testable import GridCore

/// The documented transition table, written out by hand (not derived from `EventMachine`):
/// who may ever take an action, in which states, and for every legal (fixture, action) the
/// result for each role that may take it.
enum TransitionTable {
    private static let ad = Role.admin, dop = Role.districtOperator, sop = Role.streetOperator
    private static let cop = Role.communityOperator, gh = Role.gridHead, gw = Role.gridWorker
    private static let dh = Role.departmentHandler, ld = Role.leader

    /// Who may ever take each action.
    static let mayEver: [EventAction.Name: Set<Role>] = [
        .accept: [cop, gh, sop, dop], .reject: [cop, gh, sop, dop],
        .requestCheck: [cop, gh, sop, dop], .confirmCheck: [cop, gh, sop, dop],
        .dispatch: [sop, dop], .take: [dh, cop], .returnDispatch: [dh], .handle: [dh, cop],
        .verify: [gw, cop, gh], .close: [cop, sop, dop], .reopen: [sop, dop], .escalate: [cop, gh, sop],
        .urge: [sop, dop, ld], .supervise: [sop, dop, ld],
        .requestExtension: [dh, cop], .approveExtension: [sop, dop], .denyExtension: [sop, dop],
        .requestVoid: [cop, sop, dop], .approveVoid: [sop, dop, ld], .denyVoid: [sop, dop, ld],
        .requestPark: [cop, sop, dop], .approvePark: [sop, dop, ld], .denyPark: [sop, dop, ld],
        .resume: [cop, sop, dop], .merge: [cop, sop, dop], .archive: [ad, dop],
    ]

    private static let open: Set<EventState> = [.reported, .accepted, .dispatched, .inProgress, .returned, .handled, .verified]
    private static let active: Set<EventState> = [.accepted, .dispatched, .inProgress, .returned]

    /// The states each action is legal in.
    static let legal: [EventAction.Name: Set<EventState>] = [
        .accept: [.reported], .reject: [.reported], .requestCheck: [.reported], .confirmCheck: [.reported],
        .dispatch: [.accepted, .returned], .take: [.accepted, .dispatched], .returnDispatch: [.dispatched],
        .handle: [.accepted, .inProgress], .verify: [.handled], .close: [.verified], .reopen: [.closed],
        .escalate: [.reported, .accepted, .returned], .urge: open, .supervise: open, .merge: open,
        .requestExtension: [.dispatched, .inProgress], .approveExtension: [.dispatched, .inProgress],
        .denyExtension: [.dispatched, .inProgress],
        .requestVoid: active, .approveVoid: active, .denyVoid: active,
        .requestPark: active, .approvePark: active, .denyPark: active, .resume: active,
        .archive: [.closed],
    ]

    // Shorthands for rows.
    private static func each(_ roles: [Role], _ expected: TransitionExpectation) -> [Role: TransitionExpectation] {
        Dictionary(uniqueKeysWithValues: roles.map { ($0, expected) })
    }
    private static func overseen(_ state: EventState) -> [Role: TransitionExpectation] { each([sop, dop, ld], .to(state)) }
    private static let noRequest: [EventAction.Name: [Role: TransitionExpectation]] = [
        .approveVoid: each([sop, dop, ld], .conflict(.noPendingRequest(.void))),
        .denyVoid: each([sop, dop, ld], .conflict(.noPendingRequest(.void))),
        .approvePark: each([sop, dop, ld], .conflict(.noPendingRequest(.park))),
        .denyPark: each([sop, dop, ld], .conflict(.noPendingRequest(.park))),
        .resume: each([cop, sop, dop], .conflict(.notParked)),
    ]
    private static let noExtension: [EventAction.Name: [Role: TransitionExpectation]] = [
        .approveExtension: each([sop, dop], .conflict(.noPendingRequest(.extension))),
        .denyExtension: each([sop, dop], .conflict(.noPendingRequest(.extension))),
    ]
    /// Owner operators of a community event: all may; of a street event: the community may not.
    private static func owners(_ street: Bool, _ expected: TransitionExpectation) -> [Role: TransitionExpectation] {
        [cop: street ? .outOfScope : expected, sop: expected, dop: expected]
    }

    /// For every fixture and every action legal in its state: the result per role that may ever take it.
    static let rows: [TableFixture: [EventAction.Name: [Role: TransitionExpectation]]] = [
        .reportedC: [
            .accept: each([cop, gh, sop, dop], .to(.accepted)),
            .reject: each([cop, gh, sop, dop], .to(.rejected)),
            .requestCheck: each([cop, gh, sop, dop], .to(.reported)),
            .confirmCheck: each([cop, gh, sop, dop], .conflict(.notAwaitingCheck)),
            .escalate: [cop: .to(.reported), gh: .to(.reported), sop: .notPermitted],
            .urge: overseen(.reported), .supervise: overseen(.reported),
            .merge: owners(false, .to(.closed)),
        ],
        .acceptedC: noRequest.merging([
            .dispatch: each([sop, dop], .conflict(.territoryFirst)),
            .take: [dh: .notPermitted, cop: .to(.inProgress)],
            .handle: [dh: .notPermitted, cop: .to(.handled)],
            .escalate: [cop: .to(.accepted), gh: .to(.accepted), sop: .notPermitted],
            .urge: overseen(.accepted), .supervise: overseen(.accepted),
            .requestVoid: owners(false, .to(.accepted)), .requestPark: owners(false, .to(.accepted)),
            .merge: owners(false, .to(.closed)),
        ]) { $1 },
        .acceptedS: noRequest.merging([
            .dispatch: each([sop, dop], .to(.dispatched)),
            .take: [dh: .notPermitted, cop: .outOfScope],
            .handle: [dh: .notPermitted, cop: .outOfScope],
            .escalate: [cop: .outOfScope, gh: .outOfScope, sop: .to(.accepted)],
            .urge: overseen(.accepted), .supervise: overseen(.accepted),
            .requestVoid: owners(true, .to(.accepted)), .requestPark: owners(true, .to(.accepted)),
            .merge: owners(true, .to(.closed)),
        ]) { $1 },
        .rejectedC: [:],
        .dispatchedS: noRequest.merging(noExtension) { $1 }.merging([
            .take: [dh: .to(.inProgress), cop: .notPermitted],
            .returnDispatch: [dh: .to(.returned)],
            .urge: overseen(.dispatched), .supervise: overseen(.dispatched),
            .requestExtension: [dh: .to(.dispatched), cop: .notPermitted],
            .requestVoid: owners(true, .to(.dispatched)), .requestPark: owners(true, .to(.dispatched)),
            .merge: owners(true, .to(.closed)),
        ]) { $1 },
        .inProgressS: noRequest.merging(noExtension) { $1 }.merging([
            .handle: [dh: .to(.handled), cop: .notPermitted],
            .urge: overseen(.inProgress), .supervise: overseen(.inProgress),
            .requestExtension: [dh: .to(.inProgress), cop: .notPermitted],
            .requestVoid: owners(true, .to(.inProgress)), .requestPark: owners(true, .to(.inProgress)),
            .merge: owners(true, .to(.closed)),
        ]) { $1 },
        .inProgressC: noRequest.merging(noExtension) { $1 }.merging([
            .handle: [dh: .notPermitted, cop: .to(.handled)],
            .urge: overseen(.inProgress), .supervise: overseen(.inProgress),
            .requestExtension: [dh: .notPermitted, cop: .to(.inProgress)],
            .requestVoid: owners(false, .to(.inProgress)), .requestPark: owners(false, .to(.inProgress)),
            .merge: owners(false, .to(.closed)),
        ]) { $1 },
        .returnedS: noRequest.merging([
            .dispatch: each([sop, dop], .to(.dispatched)),
            .escalate: [cop: .outOfScope, gh: .outOfScope, sop: .to(.returned)],
            .urge: overseen(.returned), .supervise: overseen(.returned),
            .requestVoid: owners(true, .to(.returned)), .requestPark: owners(true, .to(.returned)),
            .merge: owners(true, .to(.closed)),
        ]) { $1 },
        .handledS: [
            .verify: each([gw, cop, gh], .to(.verified)),
            .urge: overseen(.handled), .supervise: overseen(.handled),
            .merge: owners(true, .to(.closed)),
        ],
        .handledC: [
            .verify: each([gw, cop, gh], .to(.verified)),
            .urge: overseen(.handled), .supervise: overseen(.handled),
            .merge: owners(false, .to(.closed)),
        ],
        .verifiedC: [
            .close: owners(false, .to(.closed)),
            .urge: overseen(.verified), .supervise: overseen(.verified),
            .merge: owners(false, .to(.closed)),
        ],
        .verifiedS: [
            .close: owners(true, .to(.closed)),
            .urge: overseen(.verified), .supervise: overseen(.verified),
            .merge: owners(true, .to(.closed)),
        ],
        .closedS: [
            .reopen: each([sop, dop], .to(.accepted)),
            .archive: each([ad, dop], .to(.archived)),
        ],
        .archivedS: [:],
    ]

    /// The expectation for one triple, nil when the table forgot it.
    static func expected(_ triple: TransitionCase) -> TransitionExpectation? {
        guard mayEver[triple.name]?.contains(triple.role) == true else { return .notPermitted }
        guard legal[triple.name]?.contains(triple.fixture.snapshot.state) == true else { return .illegal }
        return rows[triple.fixture]?[triple.name]?[triple.role]
    }
}
