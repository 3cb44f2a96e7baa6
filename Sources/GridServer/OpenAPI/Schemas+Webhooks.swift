import Foundation
import GridCore

// OpenAPI descriptions of webhook subscriptions and deliveries.

extension CreateWebhookRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CreateWebhookRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "url": .string(format: "uri"), "unit": .string(description: "Unit id or code; the caller's unit when absent"),
                "kinds": .array(.string(enumeration: EventNotice.Kind.allCases.map(\.rawValue))),
                "secret": .string(description: "At least 16 characters; generated when absent"),
            ],
            required: ["url"])
    }
}

extension WebhookDTO: OpenAPIDescribed {
    public static var schemaName: String { "Webhook" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "url": .string(format: "uri"), "unit_path": .string(), "kinds": .array(.string()), "active": .boolean(),
                "created_by": .string(), "created_at": .dateTime,
                "secret": .string(description: "Only in the answer that created the subscription"),
            ],
            required: ["id", "url", "unit_path", "kinds", "active", "created_by", "created_at"])
    }
}

extension WebhookListDTO: OpenAPIDescribed {
    public static var schemaName: String { "WebhookList" }
    public static var schema: JSONSchema {
        .object(properties: ["items": .array(.ref(WebhookDTO.schemaName))], required: ["items"])
    }
}

extension WebhookDeliveryDTO: OpenAPIDescribed {
    public static var schemaName: String { "WebhookDelivery" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "kind": .string(), "event_id": .nullable(.uuid),
                "status": .string(enumeration: ["pending", "delivered", "failed"]), "attempts": .integer(),
                "next_attempt_at": .nullable(.dateTime), "last_status": .nullable(.integer()), "last_error": .nullable(.string()),
                "created_at": .dateTime, "delivered_at": .nullable(.dateTime),
            ],
            required: ["id", "kind", "status", "attempts", "created_at"])
    }
}
