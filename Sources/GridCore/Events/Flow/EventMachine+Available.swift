extension EventMachine {
    /// The actions `actor` may take on `event` now, in `EventAction.Name` order: those that pass
    /// the same four checks `apply` makes before it looks at the inputs (role, state, side flow,
    /// authority). The console shows these as buttons; an action's inputs (a reason, a unit) may
    /// still be refused when it is taken.
    public static func availableActions(on event: EventSnapshot, by actor: EventActor) -> [EventAction.Name] {
        EventAction.Name.allCases.filter { name in
            guard name != .report, name != .rate,
                  !actor.roles.isDisjoint(with: roles(for: name)),
                  legalStates(for: name).contains(event.state),
                  hold(blocking: name, on: event) == nil
            else { return false }
            return (try? authorize(name, on: event, by: actor)) != nil
        }
    }
}
