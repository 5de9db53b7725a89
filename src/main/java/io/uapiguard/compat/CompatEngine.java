package io.uapiguard.compat;

import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairs old and new elements and lets every registered rule judge each pair. Thread-safe. */
public final class CompatEngine {

    /**
     * The version of what a comparison contains: bump it whenever a rule is added, retired or changes what it
     * reports (or matching changes). Stored comparisons carry the version that made them; an ingest recomputes
     * older ones from the stored models, and readers never serve them.
     */
    public static final int VERSION = 3;

    private final Map<Class<?>, List<Rule<?>>> rulesByMatch = new HashMap<>();
    private final ModelIndex.Recent indexes = new ModelIndex.Recent(8);

    CompatEngine(List<Rule<?>> rules) {
        for (Rule<?> rule : rules) {
            rulesByMatch.computeIfAbsent(rule.judges(), k -> new ArrayList<>()).add(rule);
        }
    }

    /** The engine with every rule of the catalog. */
    public static CompatEngine standard() {
        return new CompatEngine(RuleCatalog.standard().rules());
    }

    /** Compares {@code oldModel} with {@code newModel}; locations name {@code path}. */
    public Comparison compare(UapiModel oldModel, UapiModel newModel, String path) {
        Findings findings = new Findings(path);
        Matching.matchAll(indexes.of(oldModel), indexes.of(newModel), match -> judge(match, findings));
        return new Comparison(findings.sorted());
    }

    @SuppressWarnings("unchecked")
    private void judge(Match match, Findings findings) {
        for (Rule<?> rule : rulesByMatch.getOrDefault(match.getClass(), List.of())) {
            ((Rule<Match>) rule).judge(match, findings);
        }
    }
}
