/// Field names between records and the API: records name fields by their Swift property
/// (`idNumber`), the JSON request by its snake_case key (`id_number`).
public enum WireField {
    /// `landlordPhone` → `landlord_phone`, `roomID` → `room_id` (a run of capitals is one word).
    public static func snakeCased(_ property: String) -> String {
        var result = ""
        var previousWasUpper = false
        for character in property {
            if character.isUppercase {
                if !previousWasUpper, !result.isEmpty { result += "_" }
                result += character.lowercased()
            } else {
                result.append(character)
            }
            previousWasUpper = character.isUppercase
        }
        return result
    }

    /// The record's own checks (`failures`) added to `reported`, renamed to JSON keys by
    /// `rename`, skipping fields that already failed to parse (reported once).
    static func merging(
        _ failures: [ValidationFailure], into reported: [ValidationFailure], rename: (String) -> String = snakeCased
    ) -> [ValidationFailure] {
        let seen = Set(reported.compactMap(\.field))
        var all = reported
        for failure in failures {
            let field = failure.field.map(rename)
            if let field, seen.contains(field) { continue }
            all.append(ValidationFailure(field: field, reason: failure.reason))
        }
        return all
    }
}
