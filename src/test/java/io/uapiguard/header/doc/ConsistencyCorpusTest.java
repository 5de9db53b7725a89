package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.Problem;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The problems Consistency finds in the real history: exactly one real inconsistency, bpf_spin_lock and
 * bpf_spin_unlock added to the enum five revisions before their documentation landed. Everything else (ids,
 * explicit mapper ids, every doc's helper, every signature line) is consistent in all 408 revisions.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConsistencyCorpusTest {

    @Test
    void onlySpinLockHelpersAreEverUndocumented() {
        List<Corpus.Revision> revisions = Corpus.require().revisions();
        HeaderParser parser = new HeaderParser();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            UapiModel model = parser.parse("bpf.h", revisions.get(i).text());
            for (Problem p : model.problems()) {
                found.add(i + " " + p.kind() + " " + p.symbol() + " " + p.message());
            }
        }

        List<String> expected = new ArrayList<>();
        for (int i = 3; i <= 7; i++) {
            expected.add(i + " helper-undocumented spin_lock Helper bpf_spin_lock (id 93) has no documentation.");
            expected.add(i + " helper-undocumented spin_unlock Helper bpf_spin_unlock (id 94) has no documentation.");
        }
        assertThat(found).containsExactlyElementsOf(expected);
    }
}
