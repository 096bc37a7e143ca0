/// What a splice changed from its skeleton: the elements it rebuilt (every element above a
/// slot, the root included) and the elements of the contents it put in the slots. Every other
/// element of the version is the skeleton's, unchanged with everything below it, and so are
/// the ancestors' names and attributes: a rule that reads only an element, what is below it and
/// what is above it finds on those elements what it found in any other version of the skeleton.
struct SpliceChanges {
    /// Which skeleton the version was spliced into: unique among those of the parsers that share
    /// one `SkeletonCache` (a compilation's), so that what is learned of a skeleton in one
    /// message holds in every message spliced into it.
    var skeleton: Int
    /// The skeleton's tree: each slot a placeholder element (`SlotSplicingParser.placeholder`).
    var skeletonRoot: HTMLElement
    /// The changed elements in document order. Removing whole subtrees from a preorder keeps it
    /// one: each element's parent is still the nearest element before it one level up.
    var elements: [HTMLElement]
    /// The depth of each of `elements` below the root (the root's is 0).
    var depths: [Int]
}
