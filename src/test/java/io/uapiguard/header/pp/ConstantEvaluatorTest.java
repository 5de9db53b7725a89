package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.model.Abi;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C semantics of integer constant expressions on x86-64 (int 32 bits, long 64), one row per rule. */
class ConstantEvaluatorTest {

    private static final Map<String, BigInteger> NAMES = Map.of(
            "FIVE", BigInteger.valueOf(5), "BIG", BigInteger.ONE.shiftLeft(63));

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            42                          => 42
            0x2A                        => 42
            052                         => 42
            0b101                       => 5
            16U                         => 16
            1ULL << 63                  => 9223372036854775808
            ~0U                         => 4294967295
            ~0UL                        => 18446744073709551615
            ~0                          => -1
            -1U                         => 4294967295
            0xffffffff                  => 4294967295
            0xffffffff + 1              => 0
            0x7fffffff + 1U             => 2147483648
            0xffffffffffffffff + 1      => 0
            0U - 1                      => 4294967295
            0 ? 0x7fffffff + 1 : 2      => 2
            1 || -(-0x7fffffffffffffff - 1) => 1
            -0x7fffffff - 1             => -2147483648
            2147483648                  => 2147483648
            -2147483648                 => -2147483648
            18446744073709551615        => 18446744073709551615
            -1 < 0U                     => 0
            -1 < 0                      => 1
            -1L < 0U                    => 1
            (__u32)-1                   => 4294967295
            (__s8)0xff                  => -1
            (__u8)0x1ff + 1             => 256
            (unsigned long long)-1      => 18446744073709551615
            (long)(int)0x80000000       => -2147483648
            (FIVE)                      => 5
            7 / 2                       => 3
            -7 / 2                      => -3
            -7 % 2                      => -1
            -1 >> 1                     => -1
            0x80000000 >> 31            => 1
            1 << 31                     => -2147483648
            1 + 2 * 3 - 4 / 2           => 5
            (1 + 2) * 3                 => 9
            1 | 2 ^ 3 & 4                 => 3
            5 > 3 ? 10 : 20             => 10
            0 ? 1 / 0 : 7               => 7
            0 && 1 / 0                  => 0
            1 || 1 / 0                  => 1
            !5 + !0                     => 1
            FIVE * 2 + 1                => 11
            BIG >> 62                   => 2
            'A'                         => 65
            '\\n'                       => 10
            '\\xff'                     => -1
            1 == 1 != 0                 => 1
            -(-3)                       => 3
            +4                          => 4
            """)
    void evaluates(String expression, String expected) {
        assertThat(evaluate(expression, false)).isEqualTo(new BigInteger(expected));
    }

    @ParameterizedTest(name = "#if {0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            -1 < 0U                     => 0
            0xffffffff + 1              => 4294967296
            1 << 31                     => 2147483648
            (__u32)-1                   => 18446744073709551615
            0x7fffffff + 1              => 2147483648
            """)
    void evaluatesWithIntmaxInPreprocessorConditions(String expression, String expected) {
        assertThat(evaluate(expression, true)).isEqualTo(new BigInteger(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            1 / 0                       => division by zero in constant expression
            1 % (2 - 2)                 => division by zero in constant expression
            1 << 32                     => shift count 32 is out of range for a 32-bit operand
            1ULL << 64                  => shift count 64 is out of range for a 64-bit operand
            1 << -1                     => shift count -1 is out of range for a 32-bit operand
            UNKNOWN + 1                 => 'UNKNOWN' is not an integer constant
            (1 + 2                      => expected ')' in constant expression before its end
            1 +                         => expected an operand before the end of the constant expression
            1 2                         => unexpected '2' in constant expression
            0x                          => invalid integer constant '0x'
            09                          => invalid integer constant '09'
            1.5                         => invalid integer constant '1.5'
            1LLL                        => invalid suffix on integer constant '1LLL'
            99999999999999999999        => integer constant '99999999999999999999' is too large
            sizeof(int)                 => sizeof is not supported in constant expressions
            1 ? 2                       => expected ':' in constant expression before its end
            0x7fffffff + 1              => signed overflow in constant expression: 2147483647 + 1 does not fit in int
            -0x7fffffff - 2             => signed overflow in constant expression: -2147483647 - 2 does not fit in int
            65536 * 65536               => signed overflow in constant expression: 65536 * 65536 does not fit in int
            0x7fffffffffffffff * 4      => signed overflow in constant expression: 9223372036854775807 * 4 does not fit in long
            (-0x7fffffffffffffff - 1) / -1 => signed overflow in constant expression: -9223372036854775808 / -1 does not fit in long
            (-0x7fffffff - 1) % -1      => signed overflow in constant expression: -2147483648 % -1 does not fit in int
            -(-0x7fffffffffffffff - 1)  => signed overflow in constant expression: -(-9223372036854775808) does not fit in long
            """)
    void rejects(String expression, String message) {
        assertThatThrownBy(() -> evaluate(expression, false))
                .isInstanceOf(ConstantEvaluator.EvalException.class)
                .hasMessage(message);
    }

    private static BigInteger evaluate(String expression, boolean preprocessor) {
        HeaderLexer lexer = new HeaderLexer(CharStreams.fromString(expression));
        lexer.setTokenFactory(PpTokenFactory.INSTANCE);
        List<PpToken> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add((PpToken) t);
            }
        }
        ConstantEvaluator evaluator = new ConstantEvaluator(new Budget(Limits.DEFAULT, "test"), Abi.X86_64);
        return evaluator.evaluate(tokens, t -> {
            BigInteger v = NAMES.get(t.getText());
            return v == null ? null : CValue.ofMathematical(v);
        }, preprocessor).value();
    }
}
