import Foundation

extension WorkingCalendar {
    /// The deadline for work accepted at `acceptedAt` under `rule` (see `DeadlineRule`): the due
    /// day is the day of acceptance (or the next working day) for the same-working-day rule, else
    /// the `n`th working day after the local day of acceptance.
    public func deadline(_ rule: DeadlineRule, acceptedAt: Date) -> Deadline {
        let accepted = day(of: acceptedAt)
        let due = rule.workingDays == 0
            ? workingDay(onOrAfter: accepted)
            : addingWorkingDays(rule.workingDays, to: accepted)
        return deadline(dueDay: due, acceptedAt: acceptedAt)
    }

    /// `deadline` moved `workingDays` working days later (延期, an approved extension): the new due
    /// day counts from the old one; the acceptance time stays.
    public func extending(_ deadline: Deadline, byWorkingDays workingDays: Int) -> Deadline {
        self.deadline(
            dueDay: addingWorkingDays(max(0, workingDays), to: deadline.dueDay),
            acceptedAt: deadline.acceptedAt)
    }

    private func deadline(dueDay: CalendarDay, acceptedAt: Date) -> Deadline {
        Deadline(acceptedAt: acceptedAt, dueDay: dueDay, lastDayStart: start(of: dueDay), end: start(of: dueDay.next))
    }
}
