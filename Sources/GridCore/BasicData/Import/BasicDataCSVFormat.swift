/// How basic-data files write and read dates, numbers and lists of choices.
enum BasicDataCSVFormat {
    /// The separators of a multi-value cell (`独居老人、低保对象`): 、 , ， ; ； | and the ideographic comma.
    static let listSeparators: Set<Character> = ["、", ",", "，", ";", "；", "|", "｜"]

    /// The values of a multi-value cell, trimmed, empty ones dropped.
    static func list(_ cell: String) -> [String] {
        cell.split(whereSeparator: { listSeparators.contains($0) }).map { BasicDataText.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// A day written `2024-03-01`, `2024/3/1`, `2024.3.1`, `20240301` or `2024年3月1日`; nil otherwise.
    static func day(_ cell: String) -> CalendarDay? {
        let text = BasicDataText.folded(cell)
        if let day = CalendarDay(iso: text) { return day }
        if text.count == 8, let day = CalendarDay(compact: text) { return day }
        var normalised = text
        for separator in ["年", "月", "/", "."] {
            normalised = normalised.replacingOccurrences(of: separator, with: "-")
        }
        if normalised.hasSuffix("日") { normalised.removeLast() }
        let parts = normalised.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// A decimal without needless zeros: `90`, `85.5`, `0.25`.
    static func decimal(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A decimal cell, tolerating a unit (㎡, m², 平方米, 平米); nil when not a finite number.
    static func decimal(_ cell: String) -> Double? {
        var text = BasicDataText.folded(cell)
        for unit in ["平方米", "平米", "㎡", "m²", "m2", "M2"] where text.hasSuffix(unit) {
            text.removeLast(unit.count)
            break
        }
        guard let value = Double(BasicDataText.trimmed(text)), value.isFinite else { return nil }
        return value
    }

    /// A whole-number cell, tolerating thousands separators; nil otherwise.
    static func integer(_ cell: String) -> Int? {
        Int(BasicDataText.folded(cell).replacingOccurrences(of: ",", with: ""))
    }

    /// A floor: `12`, `12层`, `-1`, `B1`, `地下1层` (basements negative); nil otherwise.
    static func floor(_ cell: String) -> Int? {
        var text = BasicDataText.folded(cell).uppercased()
        var sign = 1
        for prefix in ["地下", "负", "B"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            sign = -1
            break
        }
        for suffix in ["层", "楼", "F"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        guard let value = Int(text) else { return nil }
        return sign == -1 ? -abs(value) : value
    }

    /// 是/否 and the spellings spreadsheets produce; nil for anything else (empty included).
    static func flag(_ cell: String) -> Bool? {
        let text = BasicDataText.folded(cell)
        guard !text.isEmpty else { return nil }
        return CatalogCSV.flag(text.lowercased())
    }
}
