package io.uapiguard.header.pp;

import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.TokenKinds;
import java.util.List;

/**
 * The normalised text of a token sequence, independent of the source's whitespace and comments:
 * one space between tokens, except none before {@code ) ] , ; . ->}, none before {@code (} or {@code [}
 * that follow a word (a call or subscript: {@code FN(unspec)}), none after {@code ( [ . -> ~ ! #},
 * and none after a unary {@code - + * &}. So {@code (1U<<0)} and {@code ( 1U << 0 )} both read {@code (1U << 0)}.
 */
public final class TokenText {

    private TokenText() {
    }

    public static String of(List<PpToken> tokens) {
        StringBuilder sb = new StringBuilder();
        int prev = -1;
        boolean prevUnary = false;
        for (PpToken t : tokens) {
            int type = t.getType();
            if (prev != -1 && space(prev, prevUnary, type)) {
                sb.append(' ');
            }
            sb.append(t.getText());
            prevUnary = isUnary(prev, type);
            prev = type;
        }
        return sb.toString();
    }

    private static boolean space(int prev, boolean prevUnary, int type) {
        switch (type) {
            case HeaderLexer.RPAREN, HeaderLexer.RBRACKET, HeaderLexer.COMMA, HeaderLexer.SEMI, HeaderLexer.DOT,
                 HeaderLexer.ARROW -> {
                return false;
            }
            case HeaderLexer.LPAREN, HeaderLexer.LBRACKET -> {
                if (TokenKinds.isWord(prev)) {
                    return false;
                }
            }
            default -> {
            }
        }
        switch (prev) {
            case HeaderLexer.LPAREN, HeaderLexer.LBRACKET, HeaderLexer.DOT, HeaderLexer.ARROW, HeaderLexer.TILDE,
                 HeaderLexer.NOT, HeaderLexer.HASH -> {
                return false;
            }
            default -> {
                return !prevUnary;
            }
        }
    }

    /** A - + * & is unary where no operand precedes it. */
    private static boolean isUnary(int before, int op) {
        if (op != HeaderLexer.MINUS && op != HeaderLexer.PLUS && op != HeaderLexer.STAR && op != HeaderLexer.AMP) {
            return false;
        }
        if (before == -1) {
            return true;
        }
        if (op == HeaderLexer.STAR && TokenKinds.isWord(before)) {
            return false;
        }
        return !(TokenKinds.isWord(before) || before == HeaderLexer.NUMBER || before == HeaderLexer.CHAR_CONST
                || before == HeaderLexer.STRING || before == HeaderLexer.RPAREN || before == HeaderLexer.RBRACKET);
    }
}
