package io.uapiguard.compat;

import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges a change to the watched headers of a tree as one result: each changed header old against new, then each
 * mirror pair ({@link Mirror}) of which the change touched a side, in the changed tree. The result lists the
 * headers it judged; none when nothing changed ({@link Comparison#NOT_APPLICABLE}). Thread-safe.
 */
public final class TreeJudge {

    /** One revision's headers as the judge reads them; an implementation reads and parses each path at most once. */
    public interface Tree {

        /** The text of {@code path}, empty when it does not exist in this revision. */
        Optional<String> text(String path);

        /** The model of {@code path}, which exists in this revision. */
        UapiModel model(String path);
    }

    private final CompatEngine engine;

    public TreeJudge(CompatEngine engine) {
        this.engine = engine;
    }

    /**
     * {@code changed}: the watched paths whose text differs between {@code base} and {@code candidate} (present in
     * both); {@code mirrors}: the file pairs among the watched paths ({@link Mirror#filePairs}).
     */
    public Comparison judge(Tree base, Tree candidate, List<String> changed, List<Mirror> mirrors) {
        List<Comparison> parts = new ArrayList<>();
        for (String path : changed) {
            parts.add(engine.compare(base.model(path), candidate.model(path), path));
        }
        for (Mirror pair : mirrors) {
            boolean original = changed.contains(pair.original());
            boolean copy = changed.contains(pair.copy());
            if (!original && !copy) {
                continue;   // a pair the change left alone is not this change's to judge
            }
            Optional<String> originalText = candidate.text(pair.original());
            Optional<String> copyText = candidate.text(pair.copy());
            if (originalText.isEmpty() || copyText.isEmpty() || originalText.equals(copyText)) {
                continue;
            }
            String anchor = original && !copy ? pair.original() : pair.copy();
            parts.add(engine.compareCopies(pair, anchor, originalText.get(), candidate.model(pair.original()),
                    copyText.get(), candidate.model(pair.copy())));
        }
        return parts.isEmpty() ? Comparison.nothingJudged() : Comparison.merge(parts);
    }
}
