package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uapiguard.UapiguardException;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every consecutive pair of the real history of bpf.h: what the rules say about 407 real changes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatCorpusTest {

    private Corpus corpus;
    private List<Corpus.Revision> revisions;
    /** Index i holds the comparison of revision i with revision i + 1. */
    private final List<Comparison> pairs = new ArrayList<>();

    @BeforeAll
    void compareEveryConsecutivePair() {
        corpus = Corpus.require();
        revisions = corpus.revisions();
        List<UapiModel> models;
        try {
            models = corpus.models();   // parsed once per JVM, shared with ConsumerCorpusTest
        } catch (UapiguardException e) {
            assumeTrue(e.reason() != UapiguardException.Reason.INTERNAL, "header front end not available: " + e.getMessage());
            throw e;
        }
        CompatEngine engine = CompatEngine.standard();
        for (int i = 0; i + 1 < models.size(); i++) {
            pairs.add(engine.compare(models.get(i), models.get(i + 1), Corpus.HEADER_PATH));
        }
        printSummary();
    }

    private void printSummary() {
        Map<String, int[]> perRule = new TreeMap<>();
        for (Comparison c : pairs) {
            c.findings().stream().map(Finding::rule).distinct().forEach(r -> perRule.computeIfAbsent(r, k -> new int[2])[1]++);
            c.findings().forEach(f -> perRule.computeIfAbsent(f.rule(), k -> new int[2])[0]++);
        }
        StringBuilder out = new StringBuilder("Findings per rule over " + pairs.size() + " consecutive pairs (findings / pairs):\n");
        perRule.forEach((rule, n) -> out.append(String.format("  %-30s %6d / %3d%n", rule, n[0], n[1])));
        System.out.print(out);
    }

    private List<Integer> pairsWith(String rule) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).findings().stream().anyMatch(f -> f.rule().equals(rule))) {
                at.add(i);
            }
        }
        return at;
    }

    @Test
    void helperIdsAndTheMapperExpansionNeverBrokeInTheRealHistory() {
        assertThat(revisions).hasSize(408);
        assertThat(pairs).hasSize(407);
        for (String rule : List.of("helper.id-changed", "helper.removed", "mapper.expansion-changed")) {
            assertThat(pairsWith(rule)).as(rule).isEmpty();
        }
    }

    @Test
    void theOnlyInconsistencyTheRealHistoryIntroducedIsTheSpinLockHelpersAddedBeforeTheirDocumentation() {
        // ConsistencyCorpusTest: revisions 3 to 7 lack the two helpers' documentation, so pair 2 -> 3 introduces it.
        assertThat(pairsWith("helper.consistency-problem")).containsExactly(2);
        assertThat(pairs.get(2).findings().stream().filter(f -> f.rule().equals("helper.consistency-problem"))
                .map(f -> f.symbol() + ": " + f.message())).containsExactly(
                "bpf_spin_lock: Helper bpf_spin_lock (id 93) has no documentation.",
                "bpf_spin_unlock: Helper bpf_spin_unlock (id 94) has no documentation.");
        assertThat(pairsWith("helper.duplicate-id")).isEmpty();
    }

    @Test
    void theMapperShapeChangedOnceWhereTheExplicitMapperFirstAppearsInV110() throws Exception {
        List<Integer> at = pairsWith("mapper.shape-changed");
        assertThat(at).hasSize(1);
        int pair = at.get(0);
        int firstExplicit = -1;
        for (int i = 0; i < revisions.size() && firstExplicit < 0; i++) {
            if (revisions.get(i).text().contains("___BPF_FUNC_MAPPER")) {
                firstExplicit = i;
            }
        }
        assertThat(pair + 1).as("the pair's new side is the first revision with ___BPF_FUNC_MAPPER").isEqualTo(firstExplicit);
        assertThat(firstTagContaining(revisions.get(firstExplicit))).isEqualTo("v1.1.0");
        assertThat(pairs.get(pair).findings())
                .as("nothing breaking about helpers where the shape changed")
                .noneMatch(f -> f.rule().startsWith("helper.") && f.severity() == Severity.BREAKING);
        assertThat(pairsWith("mapper.added")).as("the two new macros are added where the shape changed")
                .containsExactly(pair);
    }

    /** 8a76145a2ec2 ("bpf: explicitly define BPF_FUNC_xxx integer values"): one event, one finding that explains it. */
    @Test
    void theExplicitIdsCommitIsOneShapeWarningSayingWhatCAndTextScrapersSee() {
        int pair = pairsWith("mapper.shape-changed").get(0);
        assertThat(revisions.get(pair + 1).text()).contains("#define __BPF_FUNC_MAPPER_APPLY(name, value, FN) FN(name),");
        List<Finding> findings = pairs.get(pair).findings();
        assertThat(findings).filteredOn(f -> f.rule().equals("mapper.shape-changed")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.symbol()).isEqualTo("__BPF_FUNC_MAPPER");
                    assertThat(f.message()).isEqualTo("Mapper macro __BPF_FUNC_MAPPER changed: it used to call FN with"
                            + " 1 argument per entry and now passes FN on to ___BPF_FUNC_MAPPER through"
                            + " __BPF_FUNC_MAPPER_APPLY. A C user of __BPF_FUNC_MAPPER(FN) gets the same 210 entries;"
                            + " a text scraper now finds the entries written as FN(name, id, ##ctx) in"
                            + " ___BPF_FUNC_MAPPER, where it found FN(name) in __BPF_FUNC_MAPPER.");
                });
        assertThat(findings).filteredOn(f -> f.rule().equals("mapper.added"))
                .extracting(f -> f.severity() + " " + f.symbol())
                .containsExactly("INFO ___BPF_FUNC_MAPPER", "INFO __BPF_FUNC_MAPPER_APPLY");
        assertThat(findings).extracting(Finding::rule)
                .doesNotContain("mapper.expansion-changed").noneMatch(r -> r.startsWith("helper."));
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("takes 0"));
    }

    @Test
    void theReturnTypeRuleFiresMostWhereMostHelpersMovedFromIntToLong() {
        int most = -1;
        long mostCount = 0;
        int mostWidened = -1;
        long mostWidenedCount = 0;
        for (int i = 0; i < pairs.size(); i++) {
            List<Finding> changed = pairs.get(i).findings().stream()
                    .filter(f -> f.rule().equals("helper.return-type-changed")).toList();
            long widened = changed.stream().filter(f -> "int".equals(f.oldValue()) && "long".equals(f.newValue())).count();
            if (changed.size() > mostCount) {
                most = i;
                mostCount = changed.size();
            }
            if (widened > mostWidenedCount) {
                mostWidened = i;
                mostWidenedCount = widened;
            }
        }
        assertThat(most).as("some pair changes a documented return type").isNotNegative();
        System.out.printf("helper.return-type-changed: most at pair %d (%s..%s): %d findings, %d of them int -> long%n",
                most, revisions.get(most).commit().abbreviate(12).name(), revisions.get(most + 1).commit().abbreviate(12).name(),
                mostCount, mostWidenedCount);
        assertThat(most).isEqualTo(mostWidened);
        assertThat(mostWidenedCount).isGreaterThan(50);
        assertThat(pairs.get(most).findings().stream().filter(f -> f.rule().equals("helper.return-type-changed")))
                .filteredOn(f -> "int".equals(f.oldValue()))
                .allMatch(f -> f.message().endsWith(" (widened)."));
    }

    /** The tag whose commit comes first in the history among the tags that contain {@code revision}. */
    private String firstTagContaining(Corpus.Revision revision) throws Exception {
        Repository repo = corpus.repository();
        List<String> order = revisions.stream().map(r -> r.commit().name()).toList();
        String best = null;
        int bestIndex = Integer.MAX_VALUE;
        try (RevWalk walk = new RevWalk(repo)) {
            var target = walk.parseCommit(revision.commit());
            for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                var tagged = walk.parseCommit(repo.getRefDatabase().peel(tag).getPeeledObjectId() != null
                        ? repo.getRefDatabase().peel(tag).getPeeledObjectId() : tag.getObjectId());
                int index = order.indexOf(tagged.name());
                if (index >= 0 && index < bestIndex && walk.isMergedInto(target, tagged)) {
                    best = tag.getName().substring(Constants.R_TAGS.length());
                    bestIndex = index;
                }
                walk.reset();
            }
        }
        return best;
    }
}
