import Foundation

/// Which basic-data rows a sync reads, by the local day of their last change (`updated_on`,
/// `YYYY-MM-DD`, which sorts as text on both engines).
public enum SyncSelection: Sendable, Equatable {
    /// Everything (a first or full sync); people who moved out are left out.
    case everything
    /// Rows changed on a later day than the boundary day.
    case after(day: String)
    /// Rows changed on the boundary day or later (the boundary day's rows changed meanwhile).
    case onOrAfter(day: String)
}
