package io.uapiguard.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.model.UapiModel;
import io.uapiguard.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every catalogue consumer over the 408 revisions of bpf.h (the models are {@link Corpus#models()}, shared with
 * CompatCorpusTest): which revisions it agrees with, which pairs it flags, as docs/consumers.md records them, and
 * that reading only what each change touched gives what reading every revision whole gives.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerCorpusTest {

    private static final String V1 = "cilium/ebpf asm/func.go gawk (v1)";

    private List<Corpus.Revision> revisions;
    private List<Consumer> catalogue;
    /** Index i: what each consumer makes of revision i, read whole. */
    private final List<List<Outcome>> whole = new ArrayList<>();
    /** Index i: what the consumers say of revision i against i + 1, as a history walk runs them. */
    private final List<List<Consumers.Change>> changes = new ArrayList<>();
    private final List<Comparison> pairs = new ArrayList<>();
    private int explicitMapper = -1;

    @BeforeAll
    void runEveryConsumerOverTheHistory() {
        Corpus corpus = Corpus.require();
        revisions = corpus.revisions();
        List<UapiModel> models = corpus.models();
        catalogue = Policy.catalogue();
        Consumers walk = new Consumers(catalogue);
        CompatEngine engine = CompatEngine.standard();
        for (int i = 0; i < revisions.size(); i++) {
            String text = revisions.get(i).text();
            whole.add(new Consumers(catalogue).outcomes(text, models.get(i)));
            if (i > 0) {
                Consumers.Text was = Consumers.Text.of(revisions.get(i - 1).text());
                Consumers.Text now = Consumers.Text.of(text);
                changes.add(walk.changes(was, models.get(i - 1), now, models.get(i)));
                pairs.add(engine.compareConsumers(walk, was, models.get(i - 1), now, models.get(i),
                        Corpus.HEADER_PATH));
            }
            if (explicitMapper < 0 && text.contains("___BPF_FUNC_MAPPER")) {
                explicitMapper = i;
            }
        }
        StringBuilder report = new StringBuilder("Consumer records over " + revisions.size() + " revisions:\n");
        records().forEach((name, r) -> report.append("| ").append(name).append(" | ").append(r[0]).append(" | ")
                .append(r[1]).append(" |\n"));
        System.out.print(report);
    }

    /** Per consumer: the revisions it agrees with ("0–265", "none") and the commits of the pairs it flags. */
    private Map<String, String[]> records() {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (int c = 0; c < catalogue.size(); c++) {
            List<String> ranges = new ArrayList<>();
            int from = -1;
            for (int i = 0; i <= revisions.size(); i++) {
                boolean agrees = i < revisions.size() && whole.get(i).get(c).matches();
                if (agrees && from < 0) {
                    from = i;
                } else if (!agrees && from >= 0) {
                    ranges.add(from == i - 1 ? Integer.toString(from) : from + "–" + (i - 1));
                    from = -1;
                }
            }
            String name = catalogue.get(c).name();
            List<String> flagged = pairsFlagging(name).stream()
                    .map(i -> revisions.get(i + 1).commit().abbreviate(12).name()).toList();
            out.put(name, new String[] {ranges.isEmpty() ? "none" : String.join(", ", ranges),
                    flagged.isEmpty() ? "none" : String.join(", ", flagged)});
        }
        return out;
    }

    private List<Integer> pairsFlagging(String consumer) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).findings().stream().anyMatch(f -> f.symbol().equals(consumer))) {
                at.add(i);
            }
        }
        return at;
    }

    @Test
    void readingWhatEachChangeTouchedGivesWhatReadingEveryRevisionWholeGives() {
        for (int i = 0; i < changes.size(); i++) {
            for (int c = 0; c < catalogue.size(); c++) {
                Consumer consumer = catalogue.get(c);
                Outcome before = whole.get(i).get(c);
                Outcome after = whole.get(i + 1).get(c);
                Consumers.Change change = changes.get(i).stream()
                        .filter(x -> x.before().consumer().equals(consumer)).findFirst().orElse(null);
                String what = consumer.name() + " on pair " + i + " -> " + (i + 1);
                if (change == null) {
                    // left out: it must have made the same of both, against the same list
                    assertThat(after.output()).as(what).isEqualTo(before.output());
                    assertThat(after.problem()).as(what).isEqualTo(before.problem());
                    assertThat(Objects.equals(after.expected(), before.expected())).as(what).isTrue();
                } else {
                    assertThat(change.before()).as(what).isEqualTo(before);
                    assertThat(change.after()).as(what).isEqualTo(after);
                }
            }
        }
    }

    /** A snippet made entry by entry (what a history walk affords) gives the tokens of expanding it whole. */
    @Test
    void snippetsExpandedEntryByEntryGiveWhatTheyGiveWhole() {
        List<UapiModel> models = Corpus.require().models();
        for (Consumer c : catalogue) {
            if (c.snippet() == null) {
                continue;
            }
            SnippetExpansion snippet = new SnippetExpansion(c);
            for (int i = 0; i < models.size(); i++) {
                UapiModel m = models.get(i);
                assertThat(snippet.byEntries(m.mapper().macros(), m.mapper().expansion()))
                        .as(c.name() + " on revision " + i).isEqualTo(snippet.whole(m.mapper().macros()));
            }
        }
    }

    @Test
    void ciliumsOriginalGawkScriptIsFlaggedAtTheExplicitIdsCommitAndNowhereElse() throws IOException {
        try (RevWalk walk = new RevWalk(Corpus.require().repository())) {
            assertThat(walk.parseCommit(revisions.get(explicitMapper).commit()).getFullMessage())
                    .startsWith("bpf: explicitly define BPF_FUNC_xxx integer values");   // kernel 8a76145a2ec2
        }
        assertThat(pairsFlagging(V1)).containsExactly(explicitMapper - 1);
        Outcome before = whole.get(explicitMapper - 1).get(0);
        assertThat(before.consumer().name()).isEqualTo(V1);
        assertThat(before.matches()).isTrue();
        assertThat(before.output()).hasSize(210).startsWith("unspec", "map_lookup_elem");
        assertThat(whole.get(explicitMapper).get(0).matches()).isFalse();
        Finding f = pairs.get(explicitMapper - 1).findings().stream().filter(x -> x.symbol().equals(V1)).findFirst()
                .orElseThrow();
        assertThat(f.rule()).isEqualTo("consumer.extraction-changed");
        assertThat(f.message()).startsWith("Consumer cilium/ebpf asm/func.go gawk (v1) no longer matches the header:"
                + " it extracted 210 entries (unspec, map_lookup_elem, map_update_elem, ...) before and");
        assertThat(f.message()).contains("entry 1 is '' where the model has 'unspec'");
    }

    @Test
    void thePairBeforeTheExplicitIdsCommitFlagsNoConsumer() {
        assertThat(pairs.get(explicitMapper - 2).findings()).isEmpty();
    }

    /** docs/consumers.md's table "Record over the history" is what the catalogue does over the corpus. */
    @Test
    void theRecordInTheDocsIsTheCatalogues() throws IOException {
        Map<String, String[]> documented = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("docs/consumers.md"))) {
            if (line.startsWith("| consumer | agrees with the model on revisions |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                documented.put(cells[1].strip(), new String[] {cells[2].strip(), cells[3].strip()});
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        Map<String, String[]> actual = records();
        assertThat(documented.keySet()).containsExactlyElementsOf(actual.keySet());
        actual.forEach((name, r) -> assertThat(documented.get(name)).as(name).containsExactly(r));
    }
}
