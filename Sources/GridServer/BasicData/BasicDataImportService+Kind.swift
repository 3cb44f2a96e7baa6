import GridCore

extension BasicDataImportService.Kind {
    /// What the console's import page calls the file's records.
    var label: LocalizedText {
        switch self {
        case .people: LocalizedText(zh: "实有人口", en: "Residents")
        case .rooms: LocalizedText(zh: "实有房屋", en: "Rooms")
        case .organizations: LocalizedText(zh: "实有单位", en: "Organisations")
        }
    }

    /// The file's header line with every column, in Chinese: the template a clerk starts from.
    var templateHeader: String {
        switch self {
        case .people: PersonColumn.chineseHeaderLine
        case .rooms: RoomColumn.chineseHeaderLine
        case .organizations: OrganizationColumn.chineseHeaderLine
        }
    }
}
