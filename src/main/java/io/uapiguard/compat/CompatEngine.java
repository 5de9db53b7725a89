package io.uapiguard.compat;

import io.uapiguard.model.UapiModel;
import java.util.List;

/** Pairs old and new elements and lets every registered rule judge each pair. */
public final class CompatEngine {

    /** The engine with every rule of the catalog. */
    public static CompatEngine standard() {
        return new CompatEngine();
    }

    /** Compares {@code oldModel} with {@code newModel}; locations name {@code path}. */
    public Comparison compare(UapiModel oldModel, UapiModel newModel, String path) {
        // Placeholder until the rule catalog lands (issue 3).
        return new Comparison(List.of());
    }
}
