package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A candidate lexed with its base's tokens at hand ({@link LexedFile#lexLike}) gives exactly the tokens of a lexing
 * from scratch: every field of every token, what came before each, the include guard; the same error where there is
 * one. Over the real history, over random edits built to break a careless splice (comments opened or closed in a
 * hunk, continuations, directives, literals, line ends), and through the whole front end.
 */
@Execution(ExecutionMode.CONCURRENT)
class LexedFileTest {

    /** Lines an edit puts in: each changes how the lines after it lex, or is the start of something that does. */
    private static final List<String> TRICKY_LINES = List.of(
            "/* opened, not closed", "   still inside */ int after_close;", "*/", "/*/ odd */", "/**/",
            "#define LONG_ONE(x) \\", "\tx + 1 \\", "   \\", "// a line comment \\", "int a; /* c */ int b;",
            "#if 0", "#else", "#endif", "#  define SPACED 2 /* a directive's comment",
            "# /* before the name */ define Z 3",
            "char s[] = \"a string \\", "continued\";", "int c = 'x';", "", "\t", "  # include <linux/types.h>",
            "struct s { int f; };", "enum e { E0, E1 = 4, };", "#define F(a, b) a ## b", "x\r", "\r", "y \\\r");

    private static final String FIXTURE = String.join("\n", List.of(
            "#ifndef _FIXTURE_H", "#define _FIXTURE_H", "", "#include <linux/types.h>", "",
            "/* A comment", " * over lines", " */", "#define ONE 1", "#define TWO(x) ((x) + \\", "\t\t1)",
            "struct thing {", "\t__u32 a; /* trailing */", "\t__u64 b;", "};", "", "enum kind {",
            "\tKIND_A = ONE,", "\tKIND_B = TWO(KIND_A),", "};", "", "// line comment", "char *name = \"q\\\"uote\";",
            "#if defined(ONE) && ONE > 0", "int on;", "#else", "int off;", "#endif", "", "#endif /* _FIXTURE_H */",
            ""));

    @Test
    void consecutiveRevisionsOfBpfHLexAsFromScratchTakingMostTokens() {
        List<String> texts = Corpus.require().texts();
        long taken = 0;
        long total = 0;
        for (int i = 1; i < texts.size(); i++) {
            LexedFile like = assertSameAsFromScratch(texts.get(i - 1), texts.get(i), "revision " + i);
            taken += like.taken;
            total += like.tokens.length;
        }
        // Consecutive revisions share nearly every line: nearly every token is taken, not lexed.
        assertThat((double) taken / total).isGreaterThan(0.95);
    }

    @Test
    void distantRevisionsOfBpfHLexAsFromScratch() {
        List<String> texts = Corpus.require().texts();
        for (int i = 20; i < texts.size(); i += 7) {
            assertSameAsFromScratch(texts.get(i - 20), texts.get(i), "revision " + i + " against " + (i - 20));
        }
        assertSameAsFromScratch(texts.get(0), texts.get(texts.size() - 1), "the newest against the oldest");
        assertSameAsFromScratch(texts.get(texts.size() - 1), texts.get(0), "the oldest against the newest");
    }

    @Test
    void randomEditsOfAFixtureLexAsFromScratch() {
        randomEdits(FIXTURE, 3000, 6, new Random(16));
    }

    @Test
    void randomEditsOfBpfHLexAsFromScratch() {
        List<String> texts = Corpus.require().texts();
        randomEdits(texts.get(texts.size() - 1), 15, 4, new Random(7));
    }

    @Test
    void aCandidateThatDoesNotLexFailsAsFromScratch() {
        String base = FIXTURE;
        // After the last '*/': nothing closes it (inside the fixture, its guard's comment would).
        String candidate = base.replace("// line comment", "int x;") + "/* never closed\n";
        assertThatThrownBy(() -> LexedFile.lex(candidate.toCharArray(), null, new Budget(Limits.DEFAULT, "test.h")))
                .hasMessageContaining("unterminated comment");
        assertThat(assertSameAsFromScratch(base, candidate, "unterminated")).as("both failed").isNull();
    }

    @Test
    void aBaseWithACommentOpenAfterItsLastCloseIsNotTakenFrom() {
        // '#ifdef /*' with no '*/' after it: ANTLR looked to the end for one, then lexed '/' and '*'. Once the
        // candidate closes it, the lines between are a comment: the base's tokens for them would be wrong.
        String base = FIXTURE + "#ifdef /* not closed\nint hidden_a;\nint hidden_b;\n#endif\n";
        String candidate = base + "*/ int closed;\n";
        LexedFile like = assertSameAsFromScratch(base, candidate, "closed in the candidate");
        assertThat(like.taken).isZero();
        assertThat(like.tokens).extracting(PpToken::getText).doesNotContain("hidden_a", "hidden_b").contains("closed");
    }

    @Test
    void takenTokensCountAgainstTheBoundAsLexedOnesDo() {
        // A directive's blanks and line end are tokens the budget counts, though none is kept: taking the base's
        // kept tokens must count them too, and the bound trips where it does from scratch.
        Limits ten = new Limits(16 * 1024 * 1024, 200, 10, Duration.ofSeconds(10));
        String base = "#\n#\n#\n#\n#\n";
        assertThat(assertSameAsFromScratch(base, base, "the base itself, ten tokens", ten).taken).isEqualTo(4);
        assertSameAsFromScratch(base, base + "#\n", "one directive more than the bound", ten);
        assertThatThrownBy(() -> LexedFile.lexLike((base + "#\n").toCharArray(), base + "#\n", base,
                new Budget(ten, "test.h"))).hasMessageContaining("more than 10 tokens");
        String defines = "#define A 1\n#define B(x) (x + A) /* c */\nint a;\n";
        assertThat(assertSameAsFromScratch(defines, defines + "int b;\n", "defines").taken).isPositive();
    }

    @Test
    void theModelOfACandidateParsedWithItsBaseIsTheModelFromScratch() {
        List<String> texts = Corpus.require().texts();
        HeaderParser parser = new HeaderParser();
        int newest = texts.size() - 1;
        for (int back = 1; back <= 20; back += 4) {   // five of the load benchmark's candidates
            String base = texts.get(newest - 20);
            String candidate = texts.get(newest - 20 + back) + "/* a candidate of its own */\n";
            UapiModel edited = parser.parse(Corpus.HEADER_PATH, candidate.toCharArray(),
                    IncludeSource.NONE, new HeaderParser.Edited(candidate, base));
            assertThat(edited).as("revision %d against %d", newest - 20 + back, newest - 20)
                    .isEqualTo(parser.parse(Corpus.HEADER_PATH, candidate));
            assertThat(edited.helpers()).isNotEmpty();
        }
    }

    /** {@code edits} random edits of {@code text}, each of up to {@code hunks} hunks, against {@code text}. */
    private static void randomEdits(String text, int edits, int hunks, Random random) {
        String[] lines = text.split("\n", -1);
        for (int e = 0; e < edits; e++) {
            List<String> edited = new ArrayList<>(List.of(lines));
            int n = 1 + random.nextInt(hunks);
            for (int h = 0; h < n; h++) {
                int at = random.nextInt(edited.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> edited.add(at, TRICKY_LINES.get(random.nextInt(TRICKY_LINES.size())));
                    case 1 -> {
                        if (at < edited.size()) {
                            edited.remove(at);
                        }
                    }
                    default -> {
                        if (at < edited.size()) {
                            edited.set(at, TRICKY_LINES.get(random.nextInt(TRICKY_LINES.size())));
                        }
                    }
                }
            }
            String candidate = String.join("\n", edited);
            assertSameAsFromScratch(text, candidate, "edit " + e);
            // and the other way round: the edited text as the base
            assertSameAsFromScratch(candidate, text, "edit " + e + " reversed");
        }
    }

    /** Lexes {@code candidate} both ways and asserts the same outcome; the one made with {@code base}'s tokens. */
    private static LexedFile assertSameAsFromScratch(String base, String candidate, String what) {
        return assertSameAsFromScratch(base, candidate, what, Limits.DEFAULT);
    }

    /**
     * The same tokens, spacing and guard, and the same count of tokens accounted to the budget (the stages after the
     * lexer go on with it), or the same error at the same place.
     */
    private static LexedFile assertSameAsFromScratch(String base, String candidate, String what, Limits limits) {
        LexedFile scratch;
        Budget scratchBudget = new Budget(limits, "test.h");
        try {
            scratch = LexedFile.lex(candidate.toCharArray(), null, scratchBudget);
        } catch (UapiguardException e) {
            try {
                LexedFile.lexLike(candidate.toCharArray(), candidate, base, new Budget(limits, "test.h"));
            } catch (UapiguardException like) {
                assertThat(like.getMessage() + " at " + like.line() + ":" + like.column()).as(what)
                        .isEqualTo(e.getMessage() + " at " + e.line() + ":" + e.column());
                return null;
            }
            throw new AssertionError(what + ": lexed with the base's tokens, but from scratch: " + e.getMessage());
        }
        Budget likeBudget = new Budget(limits, "test.h");
        LexedFile like = LexedFile.lexLike(candidate.toCharArray(), candidate, base, likeBudget);
        assertThat(describe(like)).as(what).isEqualTo(describe(scratch));
        assertThat(like.guard).as(what).isEqualTo(scratch.guard);
        assertThat(likeBudget.used()).as(what + ": tokens accounted").isEqualTo(scratchBudget.used());
        return like;
    }

    /** Every token field the stages after the lexer read, and the spacing before each, one line per token. */
    private static List<String> describe(LexedFile f) {
        List<String> out = new ArrayList<>(f.tokens.length);
        for (int i = 0; i < f.tokens.length; i++) {
            PpToken t = f.tokens[i];
            out.add(t.getType() + " " + t.getChannel() + " '" + t.getText() + "' " + t.getLine() + ":"
                    + t.getCharPositionInLine() + " [" + t.getStartIndex() + "," + t.getStopIndex() + "] exp "
                    + t.expansionLine + ":" + t.expansionColumn + " " + t.file + " " + t.expansionFile + " hide "
                    + t.hideSet + " before " + f.before[i] + " tokenIndex " + t.getTokenIndex());
        }
        return out;
    }
}
