/// Multi-row statements stay inside the engines' bind limits (SQLite 32,766, PostgreSQL 65,535):
/// writers send their rows a few hundred at a time.
extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
