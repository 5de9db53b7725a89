package io.uapiguard.header.pp;

import io.uapiguard.header.Fixtures;
import io.uapiguard.model.Abi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per expansion rule ({@code expand/*.h}: object- and function-like macros, {@code ##} with
 * placemarkers, {@code #}, named and anonymous variadics, GNU comma deletion, rescanning, self reference and
 * mutual recursion stopped by hide sets, the mapper's {@code ctx...} shape). The golden {@code .expanded} lists
 * the preprocessed text by the line where each token's expansion stands, with every token's written line.
 */
class MacroExpanderTest {

    static List<Path> fixtures() {
        return Fixtures.headers("expand");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void expansionMatchesGolden(Path header) {
        String file = Fixtures.name(header);
        List<PpToken> tokens = new Preprocessor(file, new Budget(Limits.DEFAULT, file), Abi.X86_64).run(Fixtures.text(header)).tokens();
        Fixtures.assertGolden(header, ".expanded", render(tokens));
    }

    /** "line N: text" per expansion line, then the written line of each token where it differs. */
    static String render(List<PpToken> tokens) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int line = tokens.get(i).expansionLine;
            List<PpToken> group = new ArrayList<>();
            while (i < tokens.size() && tokens.get(i).expansionLine == line) {
                group.add(tokens.get(i++));
            }
            sb.append("line ").append(line).append(": ").append(TokenText.of(group)).append('\n');
            StringBuilder written = new StringBuilder();
            for (PpToken t : group) {
                if (t.getLine() != line) {
                    written.append(' ').append(t.getText()).append('@').append(t.getLine());
                }
            }
            if (!written.isEmpty()) {
                sb.append("  written at:").append(written).append('\n');
            }
        }
        return sb.toString();
    }
}
