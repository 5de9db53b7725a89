package io.uapiguard.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every catalogue consumer over the 408 revisions of bpf.h: which revisions it agrees with, which pairs it flags. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerCorpusTest {

    private List<Corpus.Revision> revisions;
    private final List<List<Outcome>> outcomes = new ArrayList<>();
    /** Index i: the consumer findings of revision i against i + 1. */
    private final List<Comparison> pairs = new ArrayList<>();
    private int explicitMapper = -1;

    @BeforeAll
    void runEveryConsumerOverTheHistory() {
        revisions = Corpus.require().revisions();
        HeaderParser parser = new HeaderParser();
        Consumers consumers = new Consumers(Policy.catalogue());
        CompatEngine engine = CompatEngine.standard();
        String prevText = null;
        UapiModel prev = null;
        for (int i = 0; i < revisions.size(); i++) {
            String text = revisions.get(i).text();
            UapiModel model = parser.parse(Corpus.HEADER_PATH, text);
            outcomes.add(consumers.outcomes(text, model));
            if (prev != null) {
                pairs.add(engine.compareConsumers(consumers, Consumers.Text.of(prevText), prev, Consumers.Text.of(text), model,
                        Corpus.HEADER_PATH));
            }
            if (explicitMapper < 0 && text.contains("___BPF_FUNC_MAPPER")) {
                explicitMapper = i;
            }
            prev = model;
            prevText = text;
        }
        StringBuilder report = new StringBuilder("Consumer records over " + revisions.size() + " revisions:\n");
        for (int c = 0; c < consumers.list().size(); c++) {
            report.append(consumers.list().get(c).name()).append(": ").append(record(c)).append('\n');
        }
        System.out.print(report);
    }

    /** "matches revisions a-b, ...; flags pairs i->j (commit)". */
    private String record(int c) {
        List<String> ranges = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= revisions.size(); i++) {
            boolean m = i < revisions.size() && outcomes.get(i).get(c).matches();
            if (m && from < 0) {
                from = i;
            } else if (!m && from >= 0) {
                ranges.add(from + "-" + (i - 1));
                from = -1;
            }
        }
        String name = outcomes.get(0).get(c).consumer().name();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).findings().stream().anyMatch(f -> f.symbol().equals(name))) {
                flags.add(i + "->" + (i + 1) + " (" + revisions.get(i + 1).commit().abbreviate(12).name() + ")");
            }
        }
        return "matches revisions " + (ranges.isEmpty() ? "none" : String.join(", ", ranges)) + "; flags "
                + (flags.isEmpty() ? "no pair" : String.join(", ", flags))
                + "; outputs at 0/" + (explicitMapper - 1) + "/" + explicitMapper + ": "
                + outcomes.get(0).get(c).output().size() + "/" + outcomes.get(explicitMapper - 1).get(c).output().size()
                + "/" + outcomes.get(explicitMapper).get(c).output().size();
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
    void ciliumsOriginalGawkScriptIsFlaggedAtTheExplicitIdsCommitAndNowhereElse() {
        String v1 = "cilium/ebpf asm/func.go gawk (v1)";
        assertThat(pairsFlagging(v1)).containsExactly(explicitMapper - 1);
        Outcome before = outcomes.get(explicitMapper - 1).get(0);
        assertThat(before.consumer().name()).isEqualTo(v1);
        assertThat(before.matches()).isTrue();
        assertThat(before.output()).hasSize(210).startsWith("unspec", "map_lookup_elem");
        assertThat(outcomes.get(explicitMapper).get(0).matches()).isFalse();
        Finding f = pairs.get(explicitMapper - 1).findings().stream().filter(x -> x.symbol().equals(v1)).findFirst()
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

    @Test
    void theKernelsMapperPatternsHandOverAtTheExplicitIdsCommitAndTheCTablesChangeOnlyWithTheTwoRenames() {
        Map<String, Boolean> atExplicit = new LinkedHashMap<>();
        outcomes.get(explicitMapper).forEach(o -> atExplicit.put(o.consumer().name(), o.matches()));
        assertThat(atExplicit).containsEntry("linux scripts/bpf_doc.py mapper (before 8a76145a2ec2)", false)
                .containsEntry("linux scripts/bpf_doc.py mapper (from 8a76145a2ec2)", true)
                .containsEntry("DTrace for Linux libdtrace/dt_dis.c helper_fn", true)
                // the comment's second script keeps the /FN\(.+\),/ filter, which only the adapter line passes now
                .containsEntry("cilium/ebpf asm/func.go gawk (v2)", false);
        assertThat(pairsFlagging("linux scripts/bpf_doc.py mapper (before 8a76145a2ec2)"))
                .containsExactly(explicitMapper - 1);
        assertThat(pairsFlagging("linux scripts/bpf_doc.py mapper (from 8a76145a2ec2)")).isEmpty();
        // helpers renamed (bpf_per_cpu_ptr -> per_cpu_ptr, skb_set_delivery_time -> skb_set_tstamp): the tables' strings change
        assertThat(pairsFlagging("DTrace for Linux libdtrace/dt_dis.c helper_fn")).hasSize(2)
                .isEqualTo(pairsFlagging("linux kernel/bpf/disasm.c func_id_str"));
    }
}
