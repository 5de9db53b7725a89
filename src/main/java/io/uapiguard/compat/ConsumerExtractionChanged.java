package io.uapiguard.compat;

import io.uapiguard.consumer.Outcome;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A consumer of the header's text (a script's line filter and capture, or C code expanding the mapper) that agreed
 * with the model of the old text and does not with the new one: for an extraction, its output no longer equals the
 * model's list; for a snippet, it no longer expands, or its expansion is not the old one with tokens added at one
 * place (entries appended).
 */
final class ConsumerExtractionChanged extends Rule<Match.ConsumerPair> {

    private static final int SHOWN = 3;

    ConsumerExtractionChanged() {
        super(Match.ConsumerPair.class, RuleInfo.of("consumer.extraction-changed", Severity.WARNING, Impact.TEXT,
                "Consumer extraction changed",
                "A consumer of the header's text from the catalogue or the project's consumers: list (a script's line"
                        + " filter and capture, or a C snippet expanding the helper mapper) matched the model on the"
                        + " old side and does not on the new: the consumer breaks though the model may be compatible."
                        + " The message names the consumer, what it extracted before and after, and the first"
                        + " difference."));
    }

    @Override
    void judge(Match.ConsumerPair m, Findings out) {
        Outcome was = m.oldOutcome();
        Outcome now = m.newOutcome();
        if (!was.matches()) {
            return;   // it did not agree with the old side: this change cannot break it
        }
        boolean snippet = was.expected() == null;
        if (now.matches() && (!snippet || insertedAtOnePlace(was.output(), now.output()))) {
            return;
        }
        // A snippet is held to its old expansion (entries may be appended), an extraction to the model's list.
        List<String> reference = snippet ? was.output() : now.expected();
        int index = now.problem() != null ? -1 : Outcome.firstDifference(now.output(), reference);
        String difference = now.problem() != null ? now.problem()
                : (snippet ? "token " : "entry ") + (index + 1) + " is " + entry(now.output(), index)
                + (snippet ? " where it was " : " where the model has ") + entry(reference, index);
        String name = was.consumer().name();
        int line = index >= 0 && index < now.lines().size() ? now.lines().get(index)
                : !now.lines().isEmpty() ? now.lines().get(now.lines().size() - 1) : 0;
        Findings.Side side = Findings.Side.NEW;
        if (line == 0) {
            line = was.lines().isEmpty() ? 1 : was.lines().get(0);
            side = Findings.Side.OLD;
        }
        out.of(info()).symbol(name)
                .message("Consumer %s no longer matches the header: it %s before and %s now; %s.", name,
                        summary(was, snippet), summary(now, snippet), difference)
                .values(was.output().size() + (snippet ? " tokens" : " entries"),
                        now.problem() != null ? "none" : now.output().size() + (snippet ? " tokens" : " entries"))
                .at(line, side)
                .attach("consumer", name).attach("source", was.consumer().source())
                .attach("commit", was.consumer().commit()).attach("kind", was.consumer().kind()).add();
    }

    /** "extracted 210 entries (unspec, map_lookup_elem, map_update_elem, ...)", or why nothing was. */
    private static String summary(Outcome o, boolean snippet) {
        if (o.problem() != null) {
            return "extracted nothing (" + o.problem() + ")";
        }
        List<String> out = o.output();
        String first = out.stream().limit(SHOWN).map(s -> s.isEmpty() ? "\"\"" : s).collect(Collectors.joining(", "));
        return (snippet ? "expanded to " + out.size() + " tokens" : "extracted " + out.size() + " entries")
                + (out.isEmpty() ? "" : " (" + first + (out.size() > SHOWN ? ", ..." : "") + ")");
    }

    private static String entry(List<String> list, int i) {
        return i < list.size() ? "'" + list.get(i) + "'" : "missing";
    }

    /** {@code now} is {@code was} with tokens inserted at one place (appended entries), or equal. */
    static boolean insertedAtOnePlace(List<String> was, List<String> now) {
        if (now.size() < was.size()) {
            return false;
        }
        int prefix = 0;
        while (prefix < was.size() && was.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < was.size() - prefix
                && was.get(was.size() - 1 - suffix).equals(now.get(now.size() - 1 - suffix))) {
            suffix++;
        }
        return prefix + suffix == was.size();
    }
}
