import Foundation

/// Datetimes as GeoReport v2 writes and reads them: the W3C subset of ISO 8601 with a mandatory
/// time zone (`2010-01-01T00:00:00Z`, `1994-11-05T08:15:30-05:00`).
public enum Open311DateTime {
    /// `2026-12-03T23:16:02+08:00`: the instant in `timeZone`, with its offset.
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let seconds = timeZone.secondsFromGMT(for: date)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let sign = seconds < 0 ? "-" : "+"
        let offset = abs(seconds)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0, sign, offset / 3600, (offset % 3600) / 60)
    }

    /// Parses `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm|±hhmm)`; nil for anything else, including a
    /// datetime without a zone (the spec makes the zone mandatory).
    public static func parse(_ text: String) -> Date? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            let slice = chars[range]
            guard slice.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(slice))
        }
        guard chars.count >= 17, chars[4] == "-", chars[7] == "-", chars[10] == "T" || chars[10] == "t" || chars[10] == " ",
              chars[13] == ":",
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16)
        else { return nil }
        var index = 16
        var second = 0
        var fraction = 0.0
        if index < chars.count, chars[index] == ":" {
            guard let value = number(index + 1..<index + 3) else { return nil }
            second = value
            index += 3
            if index < chars.count, chars[index] == "." {
                var digits = ""
                index += 1
                while index < chars.count, chars[index].isASCII, chars[index].isNumber {
                    digits.append(chars[index])
                    index += 1
                }
                guard !digits.isEmpty, let value = Double("0." + digits) else { return nil }
                fraction = value
            }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        switch chars[index] {
        case "Z", "z":
            guard index + 1 == chars.count else { return nil }
        case "+", "-":
            let sign = chars[index] == "-" ? -1 : 1
            let rest = String(chars[(index + 1)...]).replacingOccurrences(of: ":", with: "")
            guard rest.count == 4, rest.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let hours = Int(rest.prefix(2)), let minutes = Int(rest.suffix(2)), hours <= 14, minutes < 60
            else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), hour <= 23, minute <= 59, second <= 60,
              let zone = TimeZone(secondsFromGMT: offset)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        return date.addingTimeInterval(fraction)
    }
}
