package io.uapiguard.header.lex;

import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.HeaderLexerBase;
import java.util.Map;
import org.antlr.v4.runtime.Vocabulary;

/**
 * What the preprocessor needs to know about token types: which are words (identifiers and keywords, which a
 * macro may name) and which type the text of a pasted token has. Derived from the lexer's grammar.
 */
public final class TokenKinds {

    /** Texts that lex as one fixed token in the default mode, where pasting happens. */
    private static final Map<String, Integer> BY_TEXT = HeaderLexerBase.literalTypes();
    private static final boolean[] WORD = new boolean[HeaderLexer.VOCABULARY.getMaxTokenType() + 1];

    static {
        WORD[HeaderLexer.IDENTIFIER] = true;
        BY_TEXT.forEach((text, type) -> WORD[type] |= isIdentifierText(text));
        // The directive keywords (define, ifdef, ...) are words too where a directive's mode lexes them.
        Vocabulary v = HeaderLexer.VOCABULARY;
        for (int type = 1; type <= v.getMaxTokenType(); type++) {
            String literal = v.getLiteralName(type);
            if (literal != null && literal.length() > 2 && isIdentifierText(literal.substring(1, literal.length() - 1))) {
                WORD[type] = true;
            }
        }
    }

    private TokenKinds() {
    }

    /** An identifier or a keyword: something a macro can be named. */
    public static boolean isWord(int type) {
        return type > 0 && type < WORD.length && WORD[type];
    }

    /** The token type of {@code text} as one preprocessing token, or -1 when it is not one token. */
    public static int typeOf(String text) {
        Integer known = BY_TEXT.get(text);
        if (known != null) {
            return known;
        }
        if (isIdentifierText(text)) {
            return HeaderLexer.IDENTIFIER;
        }
        if (isNumberText(text)) {
            return HeaderLexer.NUMBER;
        }
        return -1;
    }

    static boolean isIdentifierText(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            c = s.charAt(i);
            if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberText(String s) {
        int i = 0;
        if (s.startsWith(".")) {
            i = 1;
        }
        if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
            return false;
        }
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ((c == '+' || c == '-') && "eEpP".indexOf(s.charAt(i - 1)) >= 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
