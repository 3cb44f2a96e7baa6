import Foundation

/// The small CSV dialect of GridGov's import files (holiday calendar, admission list): commas,
/// double quotes (`""` inside quotes is a quote), whitespace around unquoted fields ignored.
public enum CSVText {
    /// The fields of one line; nil when a quote is left open.
    static func fields(of line: Substring) -> [String]? {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var wasQuoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let following = iterator.next() {
                        if following == "\"" { current.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "," {
                fields.append(wasQuoted ? current : trimmed(current))
                current = ""
                wasQuoted = false
            } else if character == "\"", current.allSatisfy(\.isWhitespace) {
                current = ""
                inQuotes = true
                wasQuoted = true
            } else if !wasQuoted || !character.isWhitespace {
                // Text after a closing quote is kept (never silently lost); spaces there are not.
                current.append(character)
            }
        }
        guard !inQuotes else { return nil }
        fields.append(wasQuoted ? current : trimmed(current))
        return fields
    }

    /// One line of fields as written to a file, without the line break.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    /// The field as written to a file, quoted when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Leading and trailing whitespace (full-width spaces included) removed.
    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
