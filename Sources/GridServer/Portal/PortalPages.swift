import Foundation
import GridCore
import Vapor

/// The view models of the portal's pages (Encodable & Sendable, as Leaf wants them).
enum PortalPages {
    /// What every portal page carries: strings, language and the switch to the other one.
    struct Chrome: Encodable, Sendable {
        var t: [String: String]
        var lang: String
        var otherLang: String
        var otherLangLabel: String
        /// Where the language switch comes back to.
        var back: String

        init(_ req: Request, back: String) throws {
            let language = req.language
            let other: Language = language == .zhHans ? .en : .zhHans
            t = try req.grid.strings.table(language)
            lang = language.rawValue
            otherLang = other.rawValue
            otherLangLabel = other == .en ? "English" : "中文"
            self.back = back
        }
    }

    struct FieldError: Encodable, Sendable {
        var field: String
        var reason: String
    }

    struct Option: Encodable, Sendable {
        var code: String
        var label: String
        var selected: Bool
    }

    /// The report form, its problems, or the ticket once filed.
    struct Report: Encodable, Sendable {
        var chrome: Chrome
        var csrf: String
        var formID: String
        var types: [Option]
        /// `{code: [{key, label, type, options, required}]}` for the script that shows an item's details.
        var attributesJSON: String
        /// The details of the selected item, for browsers without scripts.
        var attributes: [Attribute]
        var form: Form
        var errors: [FieldError]
        var hasErrors: Bool
        var maxPhotos: Int
        var maxPhotoMB: Int
        var ticket: String?
        var ticketStage: String?

        struct Attribute: Encodable, Sendable {
            var key: String
            var label: String
            var kind: String
            var options: [String]
            var required: Bool
            var value: String
        }
    }

    /// What the report form sent back, to fill it again after a refusal.
    struct Form: Encodable, Sendable {
        var type: String = ""
        var description: String = ""
        var phone: String = ""
        var lon: String = ""
        var lat: String = ""
        var datum: String = ""
        var address: String = ""
    }

    /// The status lookup: the form, and the report once ticket and phone match.
    struct Status: Encodable, Sendable {
        var chrome: Chrome
        var csrf: String
        var ticket: String
        var phone: String
        var found: Found?
        var window: Window?
        var error: String?
        var message: String?

        /// A one-window desk request (一窗式受理件) the resident looked up by its ticket.
        struct Window: Encodable, Sendable {
            var number: String
            var service: String
            var state: String
            var stateLabel: String
            var registeredAt: String
            var dueOn: String?
            var outcome: String?
        }

        struct Found: Encodable, Sendable {
            var ticket: String
            var type: String
            var reportedOn: String
            var stage: String
            var stageLabel: String
            var step: Int
            var steps: [Step]
            var outcome: String?
            var mayRate: Bool
            var satisfaction: String?
        }

        struct Step: Encodable, Sendable {
            var at: String
            var label: String
            var note: String?
        }
    }

    struct Map: Encodable, Sendable {
        var chrome: Chrome
        var communities: [PortalMapService.Community]
        var community: String
        var communityName: String
        var days: Int
        var items: [Item]
        var empty: Bool

        struct Item: Encodable, Sendable {
            var type: String
            var stage: String
            var stageLabel: String
            var day: String
        }
    }

    struct Home: Encodable, Sendable {
        var chrome: Chrome
    }
}
