package io.uapiguard.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.grammar.HeaderLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The lexing stage the preprocessor relies on. */
class PreprocessorTest {

    @Test
    void commentShortcutYieldsExactlyTheGrammarsTokensOnFixtures() {
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
    void commentShortcutYieldsExactlyTheGrammarsTokensOnTheNewestRevision() {
        List<Corpus.Revision> revisions = Corpus.require().revisions();
        String text = revisions.get(revisions.size() - 1).text();
        assertThat(tokens(text, true)).isEqualTo(tokens(text, false));
    }

    /** Every token as "type channel start-stop line:column". */
    private static List<String> tokens(String text, boolean shortcut) {
        HeaderLexer lexer = new HeaderLexer(CharStreams.fromString(text));
        if (shortcut) {
            lexer.useSource(text);
        }
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            out.add(t.getType() + " " + t.getChannel() + " " + t.getStartIndex() + "-" + t.getStopIndex() + " "
                    + t.getLine() + ":" + t.getCharPositionInLine());
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }
}
