import HeraldSchema

/// Liquid's `date` filter: strftime over an instant (UTC), as Ruby's Time#strftime prints it.
enum LiquidDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func format(_ input: RuntimeValue, _ format: String) -> String {
        let seconds: Int64
        switch input {
        case .string(let s):
            guard let t = CivilTime.parseInstant(s) else { return s }
            seconds = t
        case .int(let i): seconds = i
        default: return input.text
        }
        if format.isEmpty { return input.text }
        let days = CivilTime.floorDiv(seconds, 86_400)
        let civil = CivilTime.civil(days: days)
        let rem = seconds - days * 86_400
        let hour = rem / 3600, minute = rem % 3600 / 60, second = rem % 60
        let weekday = Int(CivilTime.weekday(days: days))
        let yday = days - CivilTime.days(year: civil.year, month: 1, day: 1) + 1
        func pad(_ v: Int64, _ w: Int, _ p: Character = "0") -> String {
            let s = String(v)
            return String(repeating: p, count: max(0, w - s.count)) + s
        }
        var out = ""
        var chars = Array(format)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "%", i + 1 < chars.count else { out.append(c); i += 1; continue }
            var flag: Character?
            var j = i + 1
            if chars[j] == "-" || chars[j] == "_" || chars[j] == "^" { flag = chars[j]; j += 1 }
            guard j < chars.count else { out.append(contentsOf: String(chars[i...])); break }
            let d = chars[j]
            func num(_ v: Int64, _ w: Int) -> String {
                flag == "-" ? String(v) : (flag == "_" ? pad(v, w, " ") : pad(v, w))
            }
            var piece: String
            switch d {
            case "Y": piece = String(civil.year)
            case "y": piece = num(civil.year % 100, 2)
            case "m": piece = num(civil.month, 2)
            case "d": piece = num(civil.day, 2)
            case "e": piece = flag == "-" ? String(civil.day) : pad(civil.day, 2, " ")
            case "j": piece = num(yday, 3)
            case "H": piece = num(hour, 2)
            case "I": piece = num(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "l": piece = flag == "-" ? String(hour % 12 == 0 ? 12 : hour % 12) : pad(hour % 12 == 0 ? 12 : hour % 12, 2, " ")
            case "M": piece = num(minute, 2)
            case "S": piece = num(second, 2)
            case "p": piece = hour < 12 ? "AM" : "PM"
            case "P": piece = hour < 12 ? "am" : "pm"
            case "B": piece = months[Int(civil.month) - 1]
            case "b", "h": piece = String(months[Int(civil.month) - 1].prefix(3))
            case "A": piece = LiquidDate.days[weekday]
            case "a": piece = String(LiquidDate.days[weekday].prefix(3))
            case "u": piece = String(weekday + 1)
            case "w": piece = String((weekday + 1) % 7)
            case "Z": piece = "UTC"
            case "z": piece = "+0000"
            case "s": piece = String(seconds)
            case "F": piece = "\(civil.year)-\(pad(civil.month, 2))-\(pad(civil.day, 2))"
            case "D": piece = "\(pad(civil.month, 2))/\(pad(civil.day, 2))/\(pad(civil.year % 100, 2))"
            case "T": piece = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
            case "R": piece = "\(pad(hour, 2)):\(pad(minute, 2))"
            case "%": piece = "%"
            default: piece = String(chars[i...j])
            }
            if flag == "^" { piece = piece.uppercased() }
            out += piece
            i = j + 1
        }
        chars.removeAll()
        return out
    }
}
