package io.uapiguard.compat;

import io.uapiguard.consumer.Consumers;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Pairs old and new elements and lets every registered rule judge each pair. Thread-safe. */
public final class CompatEngine {

    /**
     * The version of what a comparison contains: bump it whenever a rule is added, retired or changes what it
     * reports (or matching changes). Stored comparisons carry the version that made them; an ingest recomputes
     * older ones from the stored models, and readers never serve them.
     */
    public static final int VERSION = 6;

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
        Matching.matchAll(indexes.of(oldModel), indexes.of(newModel), new Judging(findings));
        return new Comparison(findings.sorted(), List.of(path));
    }

    /**
     * Lets the rules judge each match of one comparison. Matching emits its matches in long runs of one kind (every
     * field, then every enum constant ...): the rules of the last kind are kept, so the table is looked up once a run,
     * not once for each of a header's thousands of pairs.
     */
    private final class Judging implements Consumer<Match> {
        private final Findings findings;
        private Class<?> kind;
        private List<Rule<?>> rules = List.of();

        Judging(Findings findings) {
            this.findings = findings;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void accept(Match match) {
            if (match.getClass() != kind) {
                kind = match.getClass();
                rules = rulesByMatch.getOrDefault(kind, List.of());
            }
            for (Rule<?> rule : rules) {
                ((Rule<Match>) rule).judge(match, findings);
            }
        }
    }

    /**
     * Judges a header and its copy of one revision ({@code mirror}): nothing when their texts are equal, else what the
     * rules for a {@link Match.CopyPair} say, with locations at {@code anchor} (one of the two paths).
     */
    public Comparison compareCopies(Mirror mirror, String anchor, String originalText, UapiModel originalModel,
                                    String copyText, UapiModel copyModel) {
        Findings findings = new Findings(anchor);
        if (!originalText.equals(copyText)) {
            boolean atOriginal = anchor.equals(mirror.original());
            String anchorText = atOriginal ? originalText : copyText;
            String otherText = atOriginal ? copyText : originalText;
            UapiModel anchorModel = atOriginal ? originalModel : copyModel;
            UapiModel otherModel = atOriginal ? copyModel : originalModel;
            String other = atOriginal ? mirror.copy() : mirror.original();
            String difference = firstRuleFinding(otherModel, anchorModel, anchor)
                    .map(m -> "as a change from " + other + " to " + anchor + ": " + m)
                    .or(() -> firstRuleFinding(anchorModel, otherModel, other)
                            .map(m -> "as a change from " + anchor + " to " + other + ": " + m))
                    .orElse(null);
            judge(new Match.CopyPair(mirror, anchor, firstDifferentLine(anchorText, otherText), difference), findings);
        }
        return new Comparison(findings.sorted(), List.of(anchor));
    }

    /**
     * A watched header that the new revision has and the old one has not: what the rules for a
     * {@link Match.HeaderAdded} say, at {@code path}. {@code newModel} null when it did not parse.
     */
    public Comparison headerAdded(String path, UapiModel newModel) {
        Findings findings = new Findings(path);
        judge(new Match.HeaderAdded(path, newModel), findings);
        return new Comparison(findings.sorted(), List.of(path));
    }

    /** A watched header that the old revision has and the new one has not; {@code oldModel} null when it did not parse. */
    public Comparison headerRemoved(String path, UapiModel oldModel) {
        Findings findings = new Findings(path);
        judge(new Match.HeaderRemoved(path, oldModel), findings);
        return new Comparison(findings.sorted(), List.of(path));
    }

    /**
     * Judges what each consumer of {@code consumers} made of the old and of the new text of {@code path}
     * ({@code consumer.extraction-changed}); {@code consumers} runs each only as far as the change between the texts
     * requires ({@link Consumers#changes}). Nothing when there are no consumers.
     */
    public Comparison compareConsumers(Consumers consumers, Consumers.Text oldText, UapiModel oldModel,
                                       Consumers.Text newText, UapiModel newModel, String path) {
        Findings findings = new Findings(path);
        Judging judging = new Judging(findings);
        for (Consumers.Change change : consumers.changes(oldText, oldModel, newText, newModel)) {
            judging.accept(new Match.ConsumerPair(change.before(), change.after()));
        }
        return new Comparison(findings.sorted(), List.of(path));
    }

    private java.util.Optional<String> firstRuleFinding(UapiModel from, UapiModel to, String path) {
        return compare(from, to, path).findings().stream().findFirst().map(Finding::message);
    }

    /** The 1-based line of {@code text} where it first differs from {@code other}; its last line when it ends first. */
    static int firstDifferentLine(String text, String other) {
        int line = 1;
        int n = Math.min(text.length(), other.length());
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != other.charAt(i)) {
                return line;
            }
            if (text.charAt(i) == '\n' && i + 1 < text.length()) {
                line++;
            }
        }
        return line;
    }

    /** What the rules say of a single match. */
    private void judge(Match match, Findings findings) {
        new Judging(findings).accept(match);
    }
}
