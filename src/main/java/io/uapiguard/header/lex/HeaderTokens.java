package io.uapiguard.header.lex;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;

/**
 * The front end's one way into lexing: a header's tokens as the preprocessor reads them. The blanks, comments,
 * continuations and line ends that {@link HeaderLexerBase} scans itself are no tokens here but
 * {@link #skippedBefore()} flags on the next token; every other token, off-channel ones included, is the grammar's.
 */
public final class HeaderTokens {

    /** {@link #skippedBefore()}: blanks, a comment or a continuation came before the token. */
    public static final int SKIPPED_SPACE = HeaderLexerBase.SKIPPED_SPACE;
    /** {@link #skippedBefore()}: a line end came before the token. */
    public static final int SKIPPED_NEWLINE = HeaderLexerBase.SKIPPED_NEWLINE;

    private final HeaderLexer lexer;

    /** The tokens of {@code text} (which the caller no longer changes), made by {@code factory}. */
    public HeaderTokens(char[] text, String file, TokenFactory<?> factory) {
        this(text, null, file, factory);
    }

    /** {@code sameText}: the text as a String too, when the caller has one (null: none). */
    public HeaderTokens(char[] text, String sameText, String file, TokenFactory<?> factory) {
        lexer = new HeaderLexer(SourceCharStream.of(text, sameText, file));
        lexer.setTokenFactory(factory);
        lexer.removeErrorListeners();
    }

    /** The next token; EOF at the end, again and again. */
    public Token next() {
        return lexer.nextToken();
    }

    /**
     * Lexes on from {@code offset}, the start of line {@code line} (1-based), as from a fresh line: the caller knows
     * that nothing the lexer read before it reaches past the line end before it.
     */
    public void restartAt(int offset, int line) {
        lexer.restartAt(offset, line);
    }

    /** {@link #SKIPPED_SPACE} and {@link #SKIPPED_NEWLINE}: what was skipped before the last token returned. */
    public int skippedBefore() {
        return lexer.skippedBefore();
    }
}
