/// Why a review of a self-declaration was refused. The API maps `alreadyReviewed` to 409 (the
/// declaration has moved on; show it again) and `invalid` to 422 with the field.
public enum DeclarationError: UserFacingError, Equatable {
    /// The declaration was already accepted or rejected; a review happens once.
    case alreadyReviewed(DeclarationState)
    /// An input of the review is wrong (the rejection reason, on field `reason`).
    case invalid(ValidationFailure)

    public var field: String? {
        switch self {
        case .alreadyReviewed: nil
        case .invalid(let failure): failure.field
        }
    }

    public var reason: LocalizedText {
        switch self {
        case .alreadyReviewed(let state):
            LocalizedText(
                zh: "该申报已审核（\(state.label.zhHans)），不能再次审核",
                en: "this declaration was already reviewed (\(state.label.en)); it cannot be reviewed again")
        case .invalid(let failure):
            failure.reason
        }
    }
}
