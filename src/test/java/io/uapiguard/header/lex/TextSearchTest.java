package io.uapiguard.header.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The searches the lexer and the helper comment's reader make through a header's text. */
class TextSearchTest {

    private static int close(String comment) {
        return TextSearch.commentClose(comment, 2);
    }

    @Test
    void theFirstStarSlashAfterTheOpeningEndsTheComment() {
        assertThat(close("/**/ x */")).isEqualTo(2);
        assertThat(close("/* a/b * / c */ d */")).isEqualTo(13);
        assertThat(close("/* //x\n * y\n */")).isEqualTo(13);
    }

    @Test
    void theOpeningsSlashDoesNotCloseIt() {
        assertThat(close("/*/ */")).isEqualTo(4);
    }

    @Test
    void aWordIsFoundByItsFirstCharacterAndLineEndsAreCountedInARange() {
        String text = "Sa S Start\nof\n Start of it";
        assertThat(TextSearch.indexOf(text, "Start of", 0)).isEqualTo(15);
        assertThat(TextSearch.indexOf(text, "Start of", 16)).isEqualTo(-1);
        assertThat(TextSearch.lineEnds(text, 0, text.length())).isEqualTo(2);
        assertThat(TextSearch.lineEnds(text, 11, 13)).isEqualTo(0);
        assertThat(TextSearch.lineEnds(text, 10, 11)).isEqualTo(1);
    }

    @Test
    void aWordWithinARangeMustEndInsideIt() {
        String text = "ab #define X\n#define Y";
        assertThat(TextSearch.indexOf(text, "#define", 0, text.length())).isEqualTo(3);
        assertThat(TextSearch.indexOf(text, "#define", 4, text.length())).isEqualTo(13);
        assertThat(TextSearch.indexOf(text, "#define", 4, 19)).isEqualTo(-1);   // "#defin" fits, the word does not
        assertThat(TextSearch.indexOf(text, "#define", 4, 20)).isEqualTo(13);
        assertThat(TextSearch.indexOf(text, "", 5, 9)).isEqualTo(5);
        assertThat(TextSearch.indexOf(text, "#define", 0, 100)).isEqualTo(3);
    }

    @Test
    void shortAndLongRangesFindWhatASearchOfTheRangeAloneFinds() {
        // Words spread over a text long enough for both ways of searching: a short range is read character by
        // character, a long one by the JDK's search, and neither may report a word that ends past the range.
        StringBuilder built = new StringBuilder();
        for (int i = 0; built.length() < 5000; i++) {
            built.append(i % 7 == 0 ? "#define FN(x) " : "text " + i + " ").append(i % 3 == 0 ? "\n" : "");
        }
        String text = built.toString();
        for (int from = 0; from < text.length(); from += 97) {
            for (int to : new int[] {from, from + 5, from + 100, from + 1023, from + 1030, from + 1500, text.length()}) {
                int end = Math.min(to, text.length());
                int within = from <= end ? text.substring(from, end).indexOf("#define") : -1;
                assertThat(TextSearch.indexOf(text, "#define", from, to))
                        .as("[%d, %d)", from, to).isEqualTo(within < 0 ? -1 : from + within);
            }
        }
    }

    @Test
    void anUnclosedCommentHasNoEnd() {
        assertThat(close("/* a / b *")).isEqualTo(-1);
        assertThat(close("/*")).isEqualTo(-1);
    }
}
