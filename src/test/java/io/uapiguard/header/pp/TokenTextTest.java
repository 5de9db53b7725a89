package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import io.uapiguard.header.lex.HeaderLexer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one normalisation of token text the model uses (defines, mapper bodies and expansion). */
class TokenTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ( 1U<<0 )                 => (1U << 0)
            (1U << 0)                 => (1U << 0)
            FN ( unspec ) ,FN(x),     => FN(unspec), FN(x),
            FN(unspec, 0, ##ctx)      => FN(unspec, 0, ## ctx)
            BPF_FUNC_ ## x = y,       => BPF_FUNC_ ## x = y,
            - 1                       => -1
            a - 1                     => a - 1
            ( - 1 )                   => (-1)
            ~ 0ULL                    => ~0ULL
            ! x                       => !x
            struct bpf_sock * sk ;    => struct bpf_sock * sk;
            ( * fp ) ( void )         => (*fp) (void)
            name [ 16 ]               => name[16]
            a . b -> c                => a.b->c
            f # x                     => f #x
            ((__u64)len & MASK) << 56 => ((__u64) len & MASK) << 56
            "text"  "more"            => "text" "more"
            """)
    void normalises(String source, String expected) {
        assertThat(TokenText.of(tokens(source))).isEqualTo(expected);
    }

    private static List<PpToken> tokens(String text) {
        HeaderLexer lexer = new HeaderLexer(CharStreams.fromString(text));
        lexer.setTokenFactory(PpTokenFactory.INSTANCE);
        List<PpToken> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add((PpToken) t);
            }
        }
        return out;
    }
}
