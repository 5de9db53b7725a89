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

    private static MapperReader reader(String header) {
        Budget budget = new Budget(Limits.DEFAULT, "mapper.h");
        Preprocessor pp = new Preprocessor("mapper.h", budget, Abi.X86_64);
        Preprocessor.Result result = pp.run(header);
        return new MapperReader(result, new ConstantEvaluator(budget, Abi.X86_64));
    }

    private static List<Helper> explicitEntries(String header) {
        return reader(header).explicitEntries();
    }

    /** The entries with their lines taken off, as {@link MapperReader#explicitIds()} gives them. */
    private static List<Helper> unplaced(List<Helper> entries) {
        return entries.stream().map(h -> new Helper(h.name(), h.id(), 0, h.docs())).toList();
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

    @Test
    void idsWithoutLinesAreTheEntriesOfTheMapperAsNowWrittenParseAfterParse() {
        // A mapper of its own, so that no other test's parse keeps an expansion of it.
        String mapper = """
                #define ___MRT_BPF_FUNC_MAPPER(FN, ctx...) \\
                	FN(unspec, 0, ##ctx) \\
                	FN(one, 1 + 0, ##ctx) \\
                	FN(two, TWO, ##ctx)
                #define TWO 2
                """;
        List<String> revisions = List.of(
                mapper,
                "/* moved down */\n#define OTHER 1\n\n" + mapper,
                mapper.replace("FN(one, 1 + 0, ##ctx)", "FN(one, 7, ##ctx)"),
                mapper.replace("#define TWO 2", "#define TWO 22"),
                mapper.replace("FN(two, TWO, ##ctx)", "FN(two, TWO, ##ctx) \\\n\tFN(three, 3, ##ctx)"),
                mapper);
        for (String header : revisions) {
            MapperReader reader = reader(header);
            List<Helper> placed = reader.explicitEntries();
            assertThat(placed).as(header).isNotEmpty();
            assertThat(reader.explicitIds()).as(header).isEqualTo(unplaced(placed));
        }
        assertThat(reader(revisions.get(2)).explicitIds()).extracting(Helper::id).containsExactly(0L, 7L, 2L);
        assertThat(reader(revisions.get(3)).explicitIds()).extracting(Helper::id).containsExactly(0L, 1L, 22L);
        assertThat(reader(revisions.get(4)).explicitIds()).extracting(Helper::name)
                .containsExactly("unspec", "one", "two", "three");
    }
}
