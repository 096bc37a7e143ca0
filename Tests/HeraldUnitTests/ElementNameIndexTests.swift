@testable import HeraldEmail
import Testing

/// Names of the same first letter and length share a bucket and are still told apart.
@Suite struct ElementNameIndexTests {
    @Test func findsExactlyItsNames() {
        let index = ElementNameIndex([("td", 1), ("frame", 2), ("frameset", 3), ("a", 4), ("fieldsets-and-more", 5)])
        #expect(index["td"] == 1 && index["frame"] == 2 && index["frameset"] == 3 && index["a"] == 4 && index["fieldsets-and-more"] == 5)
        for name in ["tr", "th", "table", "fieldset", "frames", "abbr", "", "b", "TD", "framesets"] { #expect(index[name] == nil, "\(name)") }
    }
}
