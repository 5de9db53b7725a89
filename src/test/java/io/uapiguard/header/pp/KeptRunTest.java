package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.UapiguardException;
import io.uapiguard.model.Abi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A run of text whose large expansion is kept across parses ({@link MacroExpander#expandRun}) preprocesses to exactly
 * the tokens it expands to with nothing kept: every field of every token, wherever the run and its macros now stand,
 * with the same tokens accounted; a run or a macro written differently expands again, and tighter bounds fail as an
 * expansion does. The kept runs and their counter are the process's: no other class runs beside these tests, since
 * any parse of bpf.h may keep or remake a run.
 */
@Isolated
class KeptRunTest {

    /** A mapper of bpf.h's shape, expanded into an enum in the text: more tokens than a run is kept for. */
    private static String header(String before, String entryBody) {
        StringBuilder mapper = new StringBuilder("#define ___KEPT_MAPPER(FN, ctx...) \\\n");
        for (int i = 0; i < 100; i++) {
            mapper.append("\tFN(entry_").append(i).append(", ").append(i).append(", ##ctx) \\\n");
        }
        mapper.append("\t/* */\n");
        return before + mapper + "#define __KEPT_ENUM_FN(x, y) " + entryBody + "\n"
                + "enum kept_id {\n\t___KEPT_MAPPER(__KEPT_ENUM_FN)\n\t__KEPT_MAX_ID,\n};\n#undef __KEPT_ENUM_FN\n"
                + "#define STR(x) #x\nconst char *names[] = { STR(a b), };\n";
    }

    private static final String ENTRY = "KEPT_ ## x = y,";

    /** What preprocessing {@code text} gives, as lines naming every field of every token, and the tokens accounted. */
    private static List<String> preprocessed(String text, String base, Limits limits) {
        Budget budget = new Budget(limits, "test.h");
        Preprocessor.Result pp = new Preprocessor("test.h", budget, Abi.X86_64).run(text.toCharArray(), text, base);
        List<String> out = new ArrayList<>(describe(pp.tokens()));
        out.add("accounted " + budget.used());
        return out;
    }

    private static List<String> preprocessed(String text) {
        return preprocessed(text, null, Limits.DEFAULT);
    }

    static List<String> describe(List<PpToken> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (PpToken t : tokens) {
            StringBuilder hidden = new StringBuilder();
            for (int i = 0; i < t.hideSet.size(); i++) {
                hidden.append(' ').append(t.hideSet.get(i));
            }
            out.add(t.getType() + " " + t.getChannel() + " '" + t.getText() + "' " + t.getLine() + ":"
                    + t.getCharPositionInLine() + " [" + t.getStartIndex() + "," + t.getStopIndex() + "] exp "
                    + t.expansionLine + ":" + t.expansionColumn + " " + t.file + " " + t.expansionFile + " hide"
                    + hidden + " space " + t.spaceBefore + " tokenIndex " + t.getTokenIndex() + " stream "
                    + (t.getInputStream() == null ? "none" : "the text's") + " argument " + t.fromArgument);
        }
        return out;
    }

    /** With nothing kept: the run expanded, whatever an earlier parse kept. */
    private static List<String> fresh(String text, String base, Limits limits) {
        MacroExpander.forgetRuns();
        List<String> tokens = preprocessed(text, base, limits);
        MacroExpander.forgetRuns();
        return tokens;
    }

    @Test
    void aKeptRunMadeAgainWhereItAndItsMacrosNowStandIsTheExpansionFieldByField() {
        String first = header("", ENTRY);
        String moved = header("/* three\n * more\n */ int before_it;\n#define UNRELATED 1\n", ENTRY);
        List<String> expected = fresh(moved, null, Limits.DEFAULT);

        MacroExpander.forgetRuns();
        preprocessed(first);
        int remade = MacroExpander.RUNS_REMADE.get();
        List<String> taken = preprocessed(moved);

        assertThat(MacroExpander.RUNS_REMADE.get()).as("the enum's run was made again").isEqualTo(remade + 1);
        assertThat(taken).isEqualTo(expected);
        assertThat(taken).anyMatch(line -> line.contains("'KEPT_entry_99'"));
    }

    @Test
    void aMacroWrittenDifferentlyOrARunWrittenDifferentlyIsExpandedAgain() {
        MacroExpander.forgetRuns();
        preprocessed(header("", ENTRY));
        int remade = MacroExpander.RUNS_REMADE.get();

        String otherBody = header("", "KEPT_ ## x = (y),");
        assertThat(preprocessed(otherBody)).isEqualTo(fresh(otherBody, null, Limits.DEFAULT));
        String otherRun = header("", ENTRY).replace("__KEPT_MAX_ID,", "__KEPT_MAX_ID = 7,");
        assertThat(preprocessed(otherRun)).isEqualTo(fresh(otherRun, null, Limits.DEFAULT));
        String otherSpacing = header("", ENTRY).replace("\t___KEPT_MAPPER(", "\t___KEPT_MAPPER (");
        assertThat(preprocessed(otherSpacing)).isEqualTo(fresh(otherSpacing, null, Limits.DEFAULT));
        assertThat(MacroExpander.RUNS_REMADE.get()).isEqualTo(remade);
    }

    @Test
    void boundsHoldAsForAnExpansionAndKeepingARunNeverBreaksThem() {
        String text = header("", ENTRY);
        List<String> all = fresh(text, null, Limits.DEFAULT);
        int accounted = Integer.parseInt(all.get(all.size() - 1).substring("accounted ".length()));
        Limits tight = new Limits(Limits.DEFAULT.maxInputChars(), Limits.DEFAULT.maxDepth(), accounted - 10,
                Duration.ofSeconds(10));
        Limits exact = new Limits(Limits.DEFAULT.maxInputChars(), Limits.DEFAULT.maxDepth(), accounted,
                Duration.ofSeconds(10));
        assertThat(fresh(text, null, exact)).as("a header at the bound, its run not kept").isEqualTo(all);
        MacroExpander.forgetRuns();
        String expanded = assertThrows(() -> preprocessed(text, null, tight));
        preprocessed(text);   // kept under the default bounds
        assertThat(assertThrows(() -> preprocessed(text, null, tight))).isEqualTo(expanded)
                .contains("more than " + (accounted - 10) + " tokens");
    }

    private static String assertThrows(Runnable run) {
        try {
            run.run();
        } catch (UapiguardException e) {
            return e.describe();
        }
        throw new AssertionError("no error");
    }
}
