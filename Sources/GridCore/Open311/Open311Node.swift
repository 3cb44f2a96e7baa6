import Foundation

/// One Open311 GeoReport v2 document (Open311 报文) as a tree, rendered to XML or to JSON by the
/// specification's "Spark" convention: an element holding repeated children becomes a JSON array,
/// an element with named children a JSON object, and text a JSON scalar. Building the tree once
/// keeps the two formats from drifting apart.
public indirect enum Open311Node: Sendable, Equatable {
    /// Text; codes and ids are always text (the spec's `001` examples are not valid JSON numbers).
    case text(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    /// An empty element in XML (`<media_url/>`), `null` in JSON.
    case null
    /// Named children in order.
    case object([Open311Field])
    /// Repeated children named `item` in XML; an array in JSON.
    case list(item: String, [Open311Node])

    /// An object from name–value pairs, dropping the pairs whose value is nil.
    public static func object(_ pairs: KeyValuePairs<String, Open311Node?>) -> Open311Node {
        .object(pairs.compactMap { name, value in value.map { Open311Field(name, $0) } })
    }

    /// Text, or nil when the string is nil (an optional field left out).
    public static func optionalText(_ value: String?) -> Open311Node? {
        value.map { .text($0) }
    }
}

/// A named child of an `Open311Node.object`.
public struct Open311Field: Sendable, Equatable {
    public let name: String
    public let value: Open311Node

    public init(_ name: String, _ value: Open311Node) {
        self.name = name
        self.value = value
    }
}

/// The two formats of every resource: `.xml` (required by the spec) and `.json`.
public enum Open311Format: String, Sendable, CaseIterable {
    case json
    case xml

    /// The HTTP content type, with its charset as the spec asks.
    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// Splits `services.json` or `033.xml` into its name and format; nil without a known suffix.
    public static func split(_ file: String) -> (name: String, format: Open311Format)? {
        guard let dot = file.lastIndex(of: ".") else { return nil }
        guard let format = Open311Format(rawValue: String(file[file.index(after: dot)...]).lowercased()) else { return nil }
        let name = String(file[..<dot])
        return name.isEmpty ? nil : (name, format)
    }
}

extension Open311Node {
    /// The document in `format`; `root` names the outermost XML element (`services`, `errors`).
    public func rendered(as format: Open311Format, root: String) -> String {
        switch format {
        case .json: json()
        case .xml: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + xml(named: root)
        }
    }

    /// The XML element `name` holding this node.
    public func xml(named name: String) -> String {
        switch self {
        case .null: return "<\(name)/>"
        case .text(let value): return "<\(name)>\(Self.escapeXML(value))</\(name)>"
        case .number, .integer, .bool: return "<\(name)>\(scalarText)</\(name)>"
        case .object(let fields):
            return "<\(name)>" + fields.map { $0.value.xml(named: $0.name) }.joined() + "</\(name)>"
        case .list(let item, let children):
            return "<\(name)>" + children.map { $0.xml(named: item) }.joined() + "</\(name)>"
        }
    }

    /// The JSON text of this node, keys in the order given.
    public func json() -> String {
        switch self {
        case .null: return "null"
        case .text(let value): return Self.quoteJSON(value)
        case .number, .integer, .bool: return scalarText
        case .object(let fields):
            return "{" + fields.map { Self.quoteJSON($0.name) + ":" + $0.value.json() }.joined(separator: ",") + "}"
        case .list(_, let children):
            return "[" + children.map { $0.json() }.joined(separator: ",") + "]"
        }
    }

    private var scalarText: String {
        switch self {
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            guard value.isFinite else { return "0" }
            if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
            return String(format: "%.6f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
        default: return ""
        }
    }

    static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Characters XML 1.0 cannot carry at all are dropped; tabs and line breaks stay.
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func quoteJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
