package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.Fixtures;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.HeaderTokens;
import io.uapiguard.header.lex.SourceCharStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;

/** The lexing stage the preprocessor relies on. */
class PreprocessorTest {

    @Test
    void shortcutsYieldExactlyTheGrammarsTokensOnFixtures() {
        for (String dir : List.of("model", "records", "expand", "errors")) {
            for (Path p : Fixtures.headers(dir)) {
                String text = Fixtures.text(p);
                assertThat(tokens(text, true)).as(Fixtures.name(p)).isEqualTo(tokens(text, false));
            }
        }
        String tricky = "/**/ /***/ /* a * b / c **/\n\t/* two\n lines */ x /* unterminated";
        assertThat(tokens(tricky, true)).isEqualTo(tokens(tricky, false));
    }

    @Test
    void wordBlankAndNumberShortcutsYieldExactlyTheGrammarsTokens() {
        String tricky = "struct structs __restrict__ __restrict restrict_ _Bool $x a1 __attribute__((x))\r\n"
                + "  \t\f\u000B\r\r\n\n\t x \\ \t\r\n y \\\n z \\ w // line comment\r\n"
                + "L'a' u'b' U\"c\" u8\"d\" u8'e' L u8 Lx\"f\" 0x1fULL 1e+5 1e- 0x1p-3 1.5e 3.. .5 ... 07 9a_b 9$ 0x1$x\n"
                + "#define F(a) a ## b\n  # if X\n#endif\n\r x\r";
        assertThat(tokens(tricky, true)).isEqualTo(tokens(tricky, false));
        String directives = "#define A(x) x /* c */ + \\\n 1 // tail\n#define B\tA(2)\n  # /* c */ if B > 2\n"
                + "int a = A( 3 )B;\n#else\nint b;\n#endif\r\n#define C \\\r\n  4\nint c[C];";
        assertThat(tokens(directives, true)).isEqualTo(tokens(directives, false));
        String keywords = String.join(" ", List.of("struct", "union", "enum", "typedef", "const", "volatile",
                "restrict", "__restrict", "__restrict__", "signed", "__signed__", "unsigned", "char", "short", "int",
                "long", "void", "_Bool", "float", "double", "extern", "static", "inline", "__inline", "__inline__",
                "__attribute__", "__attribute", "sizeof", "sizeof_", "defined", "__signed", "__const", "__const__",
                "__volatile", "__volatile__", "_Alignof", "__alignof", "__alignof__", "__builtin_offsetof",
                "__extension__", "asm", "__asm", "__asm__", "__asm___"));
        assertThat(tokens(keywords, true)).isEqualTo(tokens(keywords, false));
    }

    @Test
    void punctuatorShortcutsYieldExactlyTheGrammarsTokens() {
        // Every punctuator, glued together and apart, so that longest match decides; '#' and '.5' stay ANTLR's.
        String glued = "...->++--<<=>>=<=>===!=&&||##->.....5.x?:;,{}[]()~!^|&%/ //\n"
                + "a<<b>>c<d>e=f==g!h&&i||j##k#l ... . .. -> - > + ++ +++ & && &&& | || ||| = == === ## ### @ ` \\ x\n"
                + "#define P(a, ...) a ## __VA_ARGS__ # a\n  ## x\n # y\n";
        assertThat(tokens(glued, true)).isEqualTo(tokens(glued, false));
    }

    @Test
    void columnsCountUtf16CodeUnitsAsSarifDoes() {
        String text = "/* \uD83D\uDC1D */ int x;\n";
        assertThat(tokens(text, true)).isEqualTo(tokens(text, false));
        assertThat(tokens(text, true)).contains(HeaderLexer.IDENTIFIER + " 0 13-13 1:13 x after 1");
    }

    @Test
    void theShortcutTypesKeywordsAsTheGrammarAndLongerOrShorterWordsAsIdentifiers() {
        String text = "struct structs int in __restrict x";
        assertThat(tokens(text, true)).isEqualTo(tokens(text, false))
                .contains(HeaderLexer.STRUCT + " 0 0-5 1:0 struct",
                        HeaderLexer.IDENTIFIER + " 0 7-13 1:7 structs after 1",
                        HeaderLexer.INT + " 0 15-17 1:15 int after 1", HeaderLexer.IDENTIFIER + " 0 19-20 1:19 in after 1",
                        HeaderLexer.RESTRICT + " 0 22-31 1:22 __restrict after 1");
    }

    @Test
    void shortcutsYieldExactlyTheGrammarsTokensAcrossTheHistory() {
        List<Corpus.Revision> revisions = Corpus.require().revisions();
        for (int i = 0; i < revisions.size(); i += 50) {
            String text = revisions.get(i).text();
            assertThat(tokens(text, true)).as("revision %d", i).isEqualTo(tokens(text, false));
        }
    }

    @Test
    void shortcutsYieldExactlyTheGrammarsTokensOnTheNewestRevision() {
        List<Corpus.Revision> revisions = Corpus.require().revisions();
        String text = revisions.get(revisions.size() - 1).text();
        assertThat(tokens(text, true)).isEqualTo(tokens(text, false));
    }

    /**
     * The tokens the preprocessor reads, each as "type channel start-stop line:column text", followed by " after 1"
     * when blanks, comments or continuations were skipped before it, " after 2" (or 3) for a line end: through
     * {@link HeaderTokens} (the lexer's shortcuts) or, for reference, from ANTLR lexing every token of a stream
     * that is not the source's own, its off-channel tokens folded the same way.
     */
    private static List<String> tokens(String text, boolean shortcut) {
        HeaderTokens seam = shortcut ? new HeaderTokens(text.toCharArray(), "t.h", CommonTokenFactory.DEFAULT) : null;
        HeaderLexer grammar = shortcut ? null : new HeaderLexer(antlrOnly(text));
        List<String> out = new ArrayList<>();
        int skipped = 0;
        while (true) {
            Token t = shortcut ? seam.next() : grammar.nextToken();
            skipped |= shortcut ? seam.skippedBefore() : 0;
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                skipped |= t.getChannel() == HeaderLexer.NEWLINES ? HeaderTokens.SKIPPED_NEWLINE
                        : HeaderTokens.SKIPPED_SPACE;
                continue;
            }
            out.add(t.getType() + " " + t.getChannel() + " " + t.getStartIndex() + "-" + t.getStopIndex() + " "
                    + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getText()
                    + (skipped == 0 ? "" : " after " + skipped));
            skipped = 0;
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }

    /**
     * The source's characters (UTF-16 indexed, as SourceCharStream is) behind a stream that is not a
     * SourceCharStream: the lexer's shortcuts are off and ANTLR lexes every token.
     */
    private static CharStream antlrOnly(String text) {
        CharStream chars = SourceCharStream.of(text, "t.h");
        return new CharStream() {
            @Override
            public String getText(Interval interval) {
                return chars.getText(interval);
            }

            @Override
            public void consume() {
                chars.consume();
            }

            @Override
            public int LA(int i) {
                return chars.LA(i);
            }

            @Override
            public int mark() {
                return chars.mark();
            }

            @Override
            public void release(int marker) {
                chars.release(marker);
            }

            @Override
            public int index() {
                return chars.index();
            }

            @Override
            public void seek(int index) {
                chars.seek(index);
            }

            @Override
            public int size() {
                return chars.size();
            }

            @Override
            public String getSourceName() {
                return chars.getSourceName();
            }
        };
    }
}
