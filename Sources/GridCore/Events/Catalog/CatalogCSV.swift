import Foundation

/// What the admission-list file adds to the shared CSV dialect (`CSVText`): yes/no cells.
enum CatalogCSV {
    /// 是/否 and the spellings spreadsheets produce; an empty cell is 否.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "是", "y", "yes", "true", "1", "√", "✓": true
        case "否", "n", "no", "false", "0", "": false
        default: nil
        }
    }
}
