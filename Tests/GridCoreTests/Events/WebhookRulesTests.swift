import Foundation
import Testing
@testable import GridCore

@Suite("Webhooks: who gets which notice, and when a failed delivery is tried again")
struct WebhookRulesTests {
    static let department = UnitPath(rawValue: "/510117/510117-ZF/")!

    @Test("a subscription takes notices for its unit and units beneath it, of the kinds it named")
    func wants() throws {
        let subscription = try WebhookSubscription.draft(
            id: UUID(), unitPath: Self.department, url: " https://zf.example.gov.cn/gridgov ", kinds: ["urged", "assigned", "urged"])
        #expect(subscription.kinds == ["assigned", "urged"])
        #expect(subscription.url.host == "zf.example.gov.cn")
        #expect(subscription.wants(kind: "assigned", for: Self.department))
        #expect(subscription.wants(kind: "urged", for: try #require(UnitPath(rawValue: "/510117/510117-ZF/510117-ZF01/"))))
        #expect(!subscription.wants(kind: "closed", for: Self.department))
        #expect(!subscription.wants(kind: "assigned", for: try #require(UnitPath(rawValue: "/510117/"))))
        var off = subscription
        off.active = false
        #expect(!off.wants(kind: "assigned", for: Self.department))
        let all = try WebhookSubscription.draft(id: UUID(), unitPath: Self.department, url: "http://10.0.0.5:8080/hook", kinds: [])
        #expect(EventNotice.Kind.allCases.allSatisfy { all.wants(kind: $0.rawValue, for: Self.department) })
    }

    @Test("a URL that is not http(s) and unknown kinds are refused by field")
    func refused() {
        for url in ["ftp://host/x", "not a url", "https://", "mailto:a@b.cn"] {
            #expect(throws: ValidationFailures.self, "\(url)") {
                _ = try WebhookSubscription.draft(id: UUID(), unitPath: Self.department, url: url, kinds: [])
            }
        }
        #expect {
            _ = try WebhookSubscription.draft(id: UUID(), unitPath: Self.department, url: "gopher://x", kinds: ["assigned", "lunch"])
        } throws: { error in
            (error as? ValidationFailures)?.failures.compactMap(\.field) == ["url", "kinds"]
        }
    }

    @Test("retries back off from a minute to a day, then stop; only 2xx counts as delivered")
    func retries() {
        let policy = WebhookRetryPolicy.standard
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(policy.maximumAttempts == 8)
        #expect(policy.nextAttempt(afterFailedAttempts: 1, at: now) == now.addingTimeInterval(60))
        #expect(policy.nextAttempt(afterFailedAttempts: 7, at: now) == now.addingTimeInterval(86_400))
        #expect(policy.nextAttempt(afterFailedAttempts: 8, at: now) == nil)
        #expect(policy.nextAttempt(afterFailedAttempts: 0, at: now) == nil)
        let waits = (1...7).compactMap { policy.nextAttempt(afterFailedAttempts: $0, at: now)?.timeIntervalSince(now) }
        #expect(waits == waits.sorted() && Set(waits).count == waits.count)
        #expect(WebhookRetryPolicy.isDelivered(status: 200) && WebhookRetryPolicy.isDelivered(status: 204))
        #expect(!WebhookRetryPolicy.isDelivered(status: 301) && !WebhookRetryPolicy.isDelivered(status: 500) && !WebhookRetryPolicy.isDelivered(status: 429))
    }
}
