package io.uapiguard.header;

import io.uapiguard.model.HelperDoc;
import java.util.List;

/** Extracts the documented helper signatures from the header's helper description comment. */
public final class HelperDocParser {

    /** Every documented signature in {@code headerText}, in order, with 1-based lines. */
    public List<HelperDoc> parse(String headerText) {
        throw new UnsupportedOperationException("lands with issue 2");
    }
}
