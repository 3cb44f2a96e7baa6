import Foundation
import GridCore
import NIOConcurrencyHelpers
import Vapor

/// The portal's abuse limits in force and the in-memory windows that count against them
/// (防刷): reports an hour per network address and per phone, lookups an hour per address.
/// One per application; tests and operators may set other limits with `app.portalGuard.limits`.
public final class PortalGuard: Sendable {
    private let state: NIOLockedValueBox<(limits: PortalLimits, windows: [String: HourlyWindow])>

    public init(limits: PortalLimits = PortalLimits()) {
        state = NIOLockedValueBox((limits, [:]))
    }

    public var limits: PortalLimits {
        get { state.withLockedValue { $0.limits } }
        set { state.withLockedValue { $0.limits = newValue } }
    }

    /// Counts one report from `address`, refusing past the limit.
    func takeReport(address: String, now: Date) throws(PortalRateLimited) {
        try take("report:" + address, limit: { $0.reportsPerHourPerAddress }, field: "address", now: now)
    }

    /// Counts one report with the phone of keyed hash `phoneHash`, refusing past the limit.
    func takeReport(phoneHash: String, now: Date) throws(PortalRateLimited) {
        try take("phone:" + phoneHash, limit: { $0.reportsPerHourPerPhone }, field: "phone", now: now)
    }

    /// Counts one lookup (status or rating) from `address`.
    func takeLookup(address: String, now: Date) throws(PortalRateLimited) {
        try take("lookup:" + address, limit: { $0.lookupsPerHourPerAddress }, field: "lookup", now: now)
    }

    private func take(_ key: String, limit: (PortalLimits) -> Int, field: String, now: Date) throws(PortalRateLimited) {
        let (allowed, retryAfter) = state.withLockedValue { state in
            var window = state.windows[key] ?? HourlyWindow()
            let result = window.take(limit: limit(state.limits), now: now)
            state.windows[key] = window
            // Forget addresses and phones with no use in the last hour once the table grows large.
            if state.windows.count > 50_000 { state.windows = state.windows.filter { !$0.value.wouldAllow(limit: 1, now: now) } }
            return result
        }
        guard allowed else { throw PortalRateLimited(field: field, retryAfter: retryAfter) }
    }
}

extension Application {
    private struct PortalGuardKey: StorageKey, LockKey {
        typealias Value = PortalGuard
    }

    /// The portal's limits and counters, made on first use.
    public var portalGuard: PortalGuard {
        if let existing = storage[PortalGuardKey.self] { return existing }
        return locks.lock(for: PortalGuardKey.self).withLock {
            if let existing = storage[PortalGuardKey.self] { return existing }
            let made = PortalGuard()
            storage[PortalGuardKey.self] = made
            return made
        }
    }
}
