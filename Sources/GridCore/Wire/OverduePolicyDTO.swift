import Foundation

/// The overdue policy on the wire: one entry per stage with the response in force and the
/// responses the stage allows, so a settings form can offer exactly those.
public struct OverduePolicyDTO: Codable, Sendable, Equatable {
    public struct Stage: Codable, Sendable, Equatable {
        public var stage: String
        public var label: String
        public var response: String
        public var allowed: [String]

        public init(stage: String, label: String, response: String, allowed: [String]) {
            self.stage = stage
            self.label = label
            self.response = response
            self.allowed = allowed
        }
    }

    public var stages: [Stage]

    public init(stages: [Stage]) {
        self.stages = stages
    }

    public init(_ policy: OverduePolicy, language: Language) {
        stages = OverduePolicy.Stage.allCases.map { stage in
            Stage(stage: stage.rawValue, label: stage.label.text(in: language), response: policy.response(for: stage).rawValue,
                  allowed: stage.allowedResponses.map(\.rawValue))
        }
    }
}

/// A change of the overdue policy: stage → response (`{"triage": "urge"}`); stages left out keep
/// their response.
public struct OverduePolicyUpdateDTO: Codable, Sendable, Equatable {
    public var responses: [String: String]

    public init(responses: [String: String]) {
        self.responses = responses
    }

    public init(from decoder: any Decoder) throws {
        responses = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(responses)
    }
}
