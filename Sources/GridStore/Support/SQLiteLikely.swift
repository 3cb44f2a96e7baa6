import SQLKit

/// Terms joined by AND that the caller knows hold for nearly every row: on SQLite each is wrapped
/// in `likelihood(…, 0.99)` so the planner stops treating them as selective (it assumes a range
/// keeps a small share of the table); other databases get the plain terms, their statistics know.
struct SQLiteLikely: SQLExpression {
    let terms: [any SQLExpression]

    func serialize(to serializer: inout SQLSerializer) {
        let sqlite = serializer.dialect.name == "sqlite"
        serializer.write("(")
        for (index, term) in terms.enumerated() {
            if index > 0 { serializer.write(" AND ") }
            if sqlite {
                serializer.write("likelihood(")
                term.serialize(to: &serializer)
                serializer.write(", 0.99)")
            } else {
                term.serialize(to: &serializer)
            }
        }
        serializer.write(")")
    }
}
