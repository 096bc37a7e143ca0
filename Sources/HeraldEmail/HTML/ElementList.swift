/// A document's elements in document order with their depths (the root's is 0), listed the
/// first time something reads them: a version checked on its splice's changes alone may need
/// no list of the whole tree. Rules share one list by reference instead of each walking the tree.
final class ElementList {
    private let root: HTMLElement?
    private var listed: (elements: [HTMLElement], depths: [Int])?

    /// The elements of the tree below `root`, root included, when first read.
    init(root: HTMLElement?) { self.root = root }

    /// Elements already listed (a splice's changes, in document order).
    init(elements: [HTMLElement], depths: [Int]) {
        root = nil
        listed = (elements, depths)
    }

    var elements: [HTMLElement] { list().elements }
    var depths: [Int] { list().depths }

    private func list() -> (elements: [HTMLElement], depths: [Int]) {
        if let listed { return listed }
        let made = root?.preorder() ?? ([], [])
        listed = made
        return made
    }
}
