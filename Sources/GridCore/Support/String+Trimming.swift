import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, answered without bridging when there is
    /// nothing to trim (the usual case): on Linux the bridged call costs microseconds per note,
    /// and the event machine trims every note it records.
    func trimmingWhitespaceAndNewlines() -> String {
        let set = String.whitespaceAndNewlines
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !set.contains(first), !set.contains(last) { return self }
        return trimmingCharacters(in: set)
    }

    /// Built once: on Linux each read of `CharacterSet.whitespacesAndNewlines` builds a new set.
    private static let whitespaceAndNewlines = CharacterSet.whitespacesAndNewlines
}
