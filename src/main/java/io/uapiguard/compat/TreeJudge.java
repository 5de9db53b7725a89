package io.uapiguard.compat;

import io.uapiguard.UapiguardException;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;

/**
 * Judges a change to the watched headers of a tree as one result: each changed header old against new (a header on
 * one side only is added or removed), then each
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

        /**
         * The characters of {@code path}'s text when this tree holds them already (a posted header: the consumers
         * then need no copy of it), else null. Never changed by the judge.
         */
        default char[] chars(String path) {
            return null;
        }
    }

    private final CompatEngine engine;
    private final BiFunction<String, String, ? extends IntUnaryOperator> lineDiff;
    private final List<Consumers> consumers;

    /** A judge that leaves removals at their old line. */
    public TreeJudge(CompatEngine engine) {
        this(engine, null);
    }

    /**
     * {@code lineDiff} maps an old text's lines into a new text's (a line diff): removals of each changed header are
     * placed where their text was removed in the candidate ({@link Comparison#placeRemovals}).
     */
    public TreeJudge(CompatEngine engine, BiFunction<String, String, ? extends IntUnaryOperator> lineDiff) {
        this(engine, lineDiff, List.of());
    }

    /**
     * As {@link #TreeJudge(CompatEngine, BiFunction)}, and each changed header's old and new texts are also handed to
     * each of {@code consumers} ({@link CompatEngine#compareConsumers}): several, so that a long-lived one (the
     * catalogue's, which keeps what it made of the texts it saw) and a request's own can be run side by side.
     */
    public TreeJudge(CompatEngine engine, BiFunction<String, String, ? extends IntUnaryOperator> lineDiff,
                     List<Consumers> consumers) {
        this.engine = engine;
        this.lineDiff = lineDiff;
        this.consumers = List.copyOf(consumers);
    }

    /**
     * {@code changed}: the watched paths the change gave a new text, added ({@code header.added}; the new header must
     * parse) or removed ({@code header.removed}); {@code mirrors}: the
     * file pairs among the watched paths ({@link Mirror#filePairs}). The result lists {@code changed} and the side
     * of each pair found out of sync, whatever the comparisons it is made of list.
     */
    public Comparison judge(Tree base, Tree candidate, List<String> changed, List<Mirror> mirrors) {
        List<Finding> findings = new ArrayList<>();
        Set<String> judged = new LinkedHashSet<>(changed);
        for (String path : changed) {
            // Each side's text read once: a posted or stored text is a copy per call.
            Optional<String> oldText = base.text(path);
            Optional<String> newText = candidate.text(path);
            if (oldText.isEmpty() || newText.isEmpty()) {
                if (oldText.isPresent() || newText.isPresent()) {
                    findings.addAll((newText.isPresent() ? engine.headerAdded(path, candidate.model(path))
                            : engine.headerRemoved(path, modelOrNull(base, path))).findings());
                }
                continue;
            }
            Comparison header = engine.compare(base.model(path), candidate.model(path), path);
            if (lineDiff != null) {
                header = header.placeRemovals(() -> lineDiff.apply(oldText.get(), newText.get()));
            }
            findings.addAll(header.findings());
            if (!consumers.isEmpty()) {
                Consumers.Text was = new Consumers.Text(oldText.get(), base.chars(path));
                Consumers.Text now = new Consumers.Text(newText.get(), candidate.chars(path));
                for (Consumers each : consumers) {
                    findings.addAll(engine.compareConsumers(each, was, base.model(path), now, candidate.model(path),
                            path).findings());
                }
            }
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
            findings.addAll(engine.compareCopies(pair, anchor, originalText.get(), candidate.model(pair.original()),
                    copyText.get(), candidate.model(pair.copy())).findings());
            judged.add(anchor);
        }
        return new Comparison(findings, List.copyOf(judged));
    }

    /** The model of a header that is gone, when it has one: its removal is the finding whether or not it parsed. */
    private static UapiModel modelOrNull(Tree tree, String path) {
        try {
            return tree.model(path);
        } catch (UapiguardException e) {
            return null;
        }
    }
}
