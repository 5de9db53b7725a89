package io.uapiguard.cli;

import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.patch.LineMap;
import java.util.ArrayList;
import java.util.List;

/** One side of a comparison: the text of a header and the name parse errors give it (a file, {@code REV:PATH}). */
record HeaderSide(String name, String text) {

    /** Parses both sides and compares them; findings point at {@code path}, removals where they left the new side. */
    static Comparison compare(HeaderSide oldSide, HeaderSide newSide, String path) {
        HeaderParser parser = new HeaderParser();
        return CompatEngine.standard().compare(
                parser.parse(oldSide.name(), oldSide.text()), parser.parse(newSide.name(), newSide.text()), path)
                .placeRemovals(() -> LineMap.between(oldSide.text(), newSide.text()));
    }

    /** One result for several headers: their findings in order (each finding's location names its header). */
    static Comparison merge(List<Comparison> comparisons) {
        if (comparisons.size() == 1) {
            return comparisons.get(0);
        }
        List<Finding> findings = new ArrayList<>();
        comparisons.forEach(c -> findings.addAll(c.findings()));
        return new Comparison(findings);
    }
}
