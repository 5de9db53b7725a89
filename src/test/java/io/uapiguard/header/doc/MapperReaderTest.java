package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.header.Fixtures;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.ConstantEvaluator;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Helper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper's explicit {@code FN(name, id, ...)} entries, read by expanding the mapper, not by matching its text. */
class MapperReaderTest {

    private static List<Helper> explicitEntries(String header) {
        Budget budget = new Budget(Limits.DEFAULT, "mapper.h");
        Preprocessor pp = new Preprocessor("mapper.h", budget, Abi.X86_64);
        Preprocessor.Result result = pp.run(header);
        return new MapperReader(result, new ConstantEvaluator(budget, Abi.X86_64)).explicitEntries();
    }

    @Test
    void explicitShapeGivesEachEntryWithItsIdAndLine() {
        String header = Fixtures.text(Fixtures.ROOT.resolve("model/mapper_explicit.h"));
        assertThat(explicitEntries(header)).containsExactly(
                new Helper("unspec", 0, 3, List.of()),
                new Helper("map_lookup_elem", 1, 4, List.of()),
                new Helper("map_update_elem", 2, 5, List.of()));
    }

    @Test
    void positionalShapeHasNoExplicitIds() {
        String header = Fixtures.text(Fixtures.ROOT.resolve("model/mapper_positional.h"));
        assertThat(explicitEntries(header)).isEmpty();
    }

    @Test
    void idsAreEvaluatedAndEntriesMayComeFromNestedMacros() {
        String header = """
                #define BASE 10
                #define PAIR(FN, ctx...) FN(a, BASE + 1, ##ctx) FN(b, (BASE << 1), ##ctx)
                #define ___BPF_FUNC_MAPPER(FN, ctx...) \\
                	FN(zero, 0, ##ctx) \\
                	PAIR(FN, ##ctx)
                """;
        assertThat(explicitEntries(header)).containsExactly(
                new Helper("zero", 0, 4, List.of()),
                new Helper("a", 11, 2, List.of()),
                new Helper("b", 20, 2, List.of()));
    }

    @Test
    void aMacroNamedFnDoesNotReplaceTheSymbolicFn() {
        String header = """
                #define FN(x, y) broken
                #define ___BPF_FUNC_MAPPER(FN, ctx...) FN(one, 1, ##ctx)
                """;
        assertThat(explicitEntries(header)).containsExactly(new Helper("one", 1, 2, List.of()));
    }
}
