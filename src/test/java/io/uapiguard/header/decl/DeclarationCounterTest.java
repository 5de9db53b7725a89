package io.uapiguard.header.decl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.DeclarationParser;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.header.pp.TokenArrayStream;
import io.uapiguard.model.Abi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits the declaration parser's listener applies while it parses (end to end in {@code HeaderParserTest}). */
class DeclarationCounterTest {

    /** One declaration of a million tokens completes no declaration: the clock is read as the parser matches tokens. */
    @Test
    void theClockIsReadWhileTheParserMatchesTokensNotOnlyBetweenDeclarations() {
        String header = "int x __attribute__((aligned(" + "1+".repeat(500_000) + "1)));\n";
        List<PpToken> tokens = new Preprocessor("long.h", new Budget(Limits.DEFAULT, "long.h"), Abi.X86_64)
                .run(header.toCharArray()).tokens();
        DeclarationParser parser = new DeclarationParser(new TokenArrayStream(tokens, "long.h"));
        parser.addParseListener(new DeclarationCounter(
                new Budget(new Limits(1 << 24, 200, 2_000_000, Duration.ZERO), "long.h")));
        assertThatThrownBy(parser::translationUnit)
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).isEqualTo("parsing took longer than 0 ms");
                    assertThat(e.line()).isEqualTo(1);
                });
    }
}
