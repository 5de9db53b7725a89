package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.model.Abi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link MacroExpander#expandToText}, kept across parses with the macros the expansion looked up: a parse whose macros
 * of those names are written the same, wherever, gets the same text with the same tokens accounted; any difference in
 * what was looked up (a body, a parameter, a spacing, a name that became or stopped being a macro) expands again, and
 * tighter bounds fail as an expansion would.
 */
class RememberedExpansionTest {

    /** A mapper of the shape of bpf.h's, named for this test alone (the kept expansions are the process's). */
    private static final String MAPPER = String.join("\n",
            "#define ___REM_MAPPER(FN, ctx...) \\",
            "\tFN(unspec, 0, ##ctx) \\",
            "\tFN(map_lookup_elem, 1, ##ctx) \\",
            "\tFN(map_update_elem, 2, ##ctx) \\",
            "\t/* */",
            "#define __REM_MAPPER_APPLY(name, value, FN) FN(name),",
            "#define __REM_MAPPER(FN) ___REM_MAPPER(__REM_MAPPER_APPLY, FN)",
            "");

    static String expanded(String header, Limits limits) {
        Budget budget = new Budget(limits, "test.h");
        Preprocessor.Result pp = new Preprocessor("test.h", budget, Abi.X86_64).run(header);
        int before = budget.used();
        String text = pp.expander().expandToText(call());
        return text + " #" + (budget.used() - before);
    }

    static String expanded(String header) {
        return expanded(header, Limits.DEFAULT);
    }

    /** {@code __REM_MAPPER(FN)}, FN a name that no macro replaces. */
    static List<PpToken> call() {
        return call("__REM_MAPPER");
    }

    static List<PpToken> call(String mapper) {
        List<PpToken> call = new ArrayList<>();
        call.add(new PpToken(HeaderLexer.IDENTIFIER, mapper, 1, 0));
        call.add(new PpToken(HeaderLexer.LPAREN, "(", 1, 0));
        call.add(new PpToken(HeaderLexer.IDENTIFIER, "FN", 1, 0));
        call.add(new PpToken(HeaderLexer.RPAREN, ")", 1, 0));
        return call;
    }

    /** The text and the tokens accounted, expanded with nothing kept (the header's mapper renamed for this call). */
    static String fresh(String header, Limits limits) {
        String unique = "R" + System.nanoTime();
        Budget budget = new Budget(limits, "test.h");
        Preprocessor.Result pp = new Preprocessor("test.h", budget, Abi.X86_64)
                .run(header.replace("REM_MAPPER", unique + "_MAPPER"));
        List<PpToken> out = new ArrayList<>();
        int before = budget.used();
        pp.expander().expand(call("__" + unique + "_MAPPER"), out);
        return TokenText.of(out).replace(unique, "REM") + " #" + (budget.used() - before);
    }

    static String fresh(String header) {
        return fresh(header, Limits.DEFAULT);
    }

    /** The text, or the error's message. */
    static String outcome(java.util.function.Supplier<String> expansion) {
        try {
            return expansion.get();
        } catch (io.uapiguard.UapiguardException e) {
            return "error: " + e.getMessage();
        }
    }

    @Test
    void theSameMacrosWrittenElsewhereGiveTheSameTextAndTheSameAccount() {
        String first = expanded(MAPPER);
        assertThat(first).isEqualTo("FN(unspec), FN(map_lookup_elem), FN(map_update_elem), #" + first.split("#")[1])
                .isEqualTo(fresh(MAPPER));
        // Lines above it, other macros, another spacing of the lines: the same definitions.
        String moved = "/* a comment\n over lines */\n#define OTHER 1\nint x;\n" + MAPPER;
        int taken = MacroExpander.timesTaken(call());
        assertThat(expanded(moved)).isEqualTo(first).isEqualTo(fresh(moved));
        assertThat(MacroExpander.timesTaken(call())).as("taken, not expanded again").isEqualTo(taken + 1);
    }

    @Test
    void anyDifferenceInWhatTheExpansionLookedUpExpandsAgain() {
        expanded(MAPPER);
        List<String> changed = List.of(
                MAPPER.replace("FN(map_update_elem, 2, ##ctx)", "FN(map_update_elem, 2, ##ctx) FN(map_delete_elem, 3, ##ctx)"),
                MAPPER.replace("FN(name),", "FN(name);"),
                MAPPER.replace("(name, value, FN) FN(name)", "(name, value, FN) FN(value)"),
                MAPPER + "#define map_lookup_elem lookup\n",
                MAPPER + "#define FN(x) x\n",
                MAPPER.replace("#define __REM_MAPPER(FN) ___REM_MAPPER(__REM_MAPPER_APPLY, FN)",
                        "#define __REM_MAPPER(FN) ___REM_MAPPER(__REM_MAPPER_APPLY,FN)\n#define unspec none"),
                MAPPER + "#undef __REM_MAPPER_APPLY\n");
        int taken = MacroExpander.timesTaken(call());
        for (String header : changed) {
            assertThat(expanded(header)).as(header).isEqualTo(fresh(header));
        }
        assertThat(MacroExpander.timesTaken(call())).as("each expanded again").isEqualTo(taken);
        assertThat(expanded(changed.get(0))).contains("FN(map_delete_elem)");
        assertThat(expanded(changed.get(3))).contains("FN(lookup)");
    }

    @Test
    void callsThatDifferOnlyInSpacingOrInAHideSetAreNotTakenForEachOther() {
        // A review's finding: the call's text alone lumped these together.
        String header = "#define KC_STR(x) #x\n#define KC_A KC_B\n#define KC_B 2\n";
        List<PpToken> plain = List.of(new PpToken(HeaderLexer.IDENTIFIER, "KC_STR", 1, 0),
                new PpToken(HeaderLexer.LPAREN, "(", 1, 0), new PpToken(HeaderLexer.IDENTIFIER, "a", 1, 0),
                new PpToken(HeaderLexer.DOT, ".", 1, 0), new PpToken(HeaderLexer.IDENTIFIER, "b", 1, 0),
                new PpToken(HeaderLexer.RPAREN, ")", 1, 0));
        List<PpToken> spaced = new ArrayList<>();
        for (PpToken t : plain) {
            spaced.add(t.copy());
        }
        spaced.get(3).spaceBefore = true;
        spaced.get(4).spaceBefore = true;
        assertThat(parse(header).expandToText(plain)).isEqualTo("\"a.b\"");
        assertThat(parse(header).expandToText(spaced)).isEqualTo("\"a . b\"");
        // KC_A hidden from KC_B, not from itself: never remembered, always what expanding gives.
        Preprocessor.Result pp = new Preprocessor("test.h", new Budget(Limits.DEFAULT, "test.h"), Abi.X86_64)
                .run(header);
        PpToken a = new PpToken(HeaderLexer.IDENTIFIER, "KC_A", 1, 0);
        a.hideSet = HideSet.EMPTY.with(pp.macros().get("KC_B").id());
        assertThat(pp.expander().expandToText(List.of(a))).isEqualTo("KC_B");
        PpToken own = new PpToken(HeaderLexer.IDENTIFIER, "KC_A", 1, 0);
        own.hideSet = HideSet.EMPTY.with(pp.macros().get("KC_A").id());
        assertThat(pp.expander().expandToText(List.of(own))).isEqualTo("KC_A");
        assertThat(parse(header).expandToText(List.of(new PpToken(HeaderLexer.IDENTIFIER, "KC_A", 1, 0))))
                .isEqualTo("2");
    }

    @Test
    void aValueOfAnotherKindReadFromTheSameCallIsKeptApartFromItsText() {
        String header = MAPPER.replace("REM_MAPPER", "KIND_MAPPER");
        List<PpToken> call = call("__KIND_MAPPER");
        assertThat(parse(header).expandToText(call)).isEqualTo("FN(unspec), FN(map_lookup_elem), FN(map_update_elem),");
        int texts = MacroExpander.timesTaken(call);
        int counts = MacroExpander.timesTaken(call, "token count");
        // Each kind reads its own expansion the first time, and takes its own value after.
        Function<List<PpToken>, Integer> count = List::size;
        List<PpToken> expanded = new ArrayList<>();
        parse(header).expand(call, expanded);
        assertThat(parse(header).expandToValue(call, "token count", count)).isEqualTo(expanded.size()).isEqualTo(15);
        assertThat(parse("#define OTHER 1\n" + header).expandToValue(call, "token count", count)).isEqualTo(15);
        assertThat(MacroExpander.timesTaken(call, "token count")).isEqualTo(counts + 1);
        assertThat(parse(header).expandToText(call)).isEqualTo("FN(unspec), FN(map_lookup_elem), FN(map_update_elem),");
        assertThat(MacroExpander.timesTaken(call)).isEqualTo(texts + 1);
    }

    static MacroExpander parse(String header) {
        return new Preprocessor("test.h", new Budget(Limits.DEFAULT, "test.h"), Abi.X86_64).run(header).expander();
    }

    @Test
    void aParseWithTighterBoundsFailsAsTheExpansionWould() {
        String remembered = expanded(MAPPER);
        int produced = Integer.parseInt(remembered.split("#")[1]);
        Budget header = new Budget(Limits.DEFAULT, "test.h");
        new Preprocessor("test.h", header, Abi.X86_64).run(MAPPER);
        List<String> outcomes = new ArrayList<>();
        for (int depth = 1; depth <= 4; depth++) {
            Limits limits = new Limits(16 * 1024 * 1024, depth, 2_000_000, Duration.ofSeconds(10));
            outcomes.add(outcome(() -> expanded(MAPPER, limits)));
            assertThat(outcomes.get(outcomes.size() - 1)).as("depth %d", depth)
                    .isEqualTo(outcome(() -> fresh(MAPPER, limits)));
        }
        assertThat(outcomes).anyMatch(o -> o.contains("macro expansion nested deeper than")).contains(remembered);
        for (int tokens : new int[] {header.used() + produced - 1, header.used() + produced}) {
            Limits limits = new Limits(16 * 1024 * 1024, 200, tokens, Duration.ofSeconds(10));
            assertThat(outcome(() -> expanded(MAPPER, limits))).as("%d tokens", tokens)
                    .isEqualTo(outcome(() -> fresh(MAPPER, limits)));
        }
        assertThat(outcome(() -> expanded(MAPPER, new Limits(16 * 1024 * 1024, 200, header.used() + produced - 1,
                Duration.ofSeconds(10))))).startsWith("error: macro expansion produced more than");
    }

    @Test
    void everyRevisionOfBpfHGetsTheTextOfItsOwnMapper() {
        // In history order: each revision finds the one before's kept; the mapper changed shape at some of them.
        List<String> texts = io.uapiguard.corpus.Corpus.require().texts();
        List<PpToken> call = call("__BPF_FUNC_MAPPER");
        int taken = MacroExpander.timesTaken(call);
        int compared = 0;
        for (int i = 0; i < texts.size(); i++) {
            Budget budget = new Budget(Limits.DEFAULT, "bpf.h");
            Preprocessor.Result pp = new Preprocessor("bpf.h", budget, Abi.X86_64).run(texts.get(i));
            if (!pp.macros().containsKey("__BPF_FUNC_MAPPER")) {
                continue;
            }
            List<PpToken> out = new ArrayList<>();
            pp.expander().expand(call, out);
            assertThat(pp.expander().expandToText(call)).as("revision %d", i).isEqualTo(TokenText.of(out));
            compared++;
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(MacroExpander.timesTaken(call) - taken).as("revisions that took the one before's")
                .isGreaterThan(compared / 2);
    }
}
