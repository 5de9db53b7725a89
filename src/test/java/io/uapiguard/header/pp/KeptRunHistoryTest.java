package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.model.Abi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every revision of bpf.h, preprocessed as a check parses it (an edit of the revision before, which was parsed just
 * before it), gives what a parse that takes no kept run gives: every field of every token, and the tokens accounted
 * ({@link KeptRunTest} for the kept runs themselves). The parses with nothing kept neither take nor keep a run and
 * the runs made again are counted per parse, so the class runs beside the others.
 */
@Execution(ExecutionMode.CONCURRENT)
class KeptRunHistoryTest {

    /** A parse's tokens, described field by field, then the tokens it accounted. */
    private static List<String> described(Preprocessor pp, Budget budget, String text, String base) {
        List<String> out = new ArrayList<>(KeptRunTest.describe(pp.run(text.toCharArray(), text, base).tokens()));
        out.add("accounted " + budget.used());
        return out;
    }

    @Test
    void everyRevisionOfBpfHPreprocessesAsWithNothingKept() {
        List<String> texts = Corpus.require().texts();
        Budget first = new Budget(Limits.DEFAULT, "test.h");
        new Preprocessor("test.h", first, Abi.X86_64).run(texts.get(0).toCharArray(), texts.get(0), null);
        int remade = 0;
        for (int i = 1; i < texts.size(); i++) {
            String text = texts.get(i);
            String base = texts.get(i - 1);
            Budget nothingKept = new Budget(Limits.DEFAULT, "test.h");
            List<String> expected = described(new Preprocessor("test.h", nothingKept, Abi.X86_64).keepingNoRuns(),
                    nothingKept, text, base);
            Budget budget = new Budget(Limits.DEFAULT, "test.h");
            Preprocessor keeping = new Preprocessor("test.h", budget, Abi.X86_64);
            assertThat(described(keeping, budget, text, base)).as("revision " + i).isEqualTo(expected);
            remade += keeping.runsRemade();
        }
        // Since the mapper is expanded in the helper enum, most revisions take the one before's expansion.
        assertThat(remade).isGreaterThan(texts.size() / 2);
    }
}
