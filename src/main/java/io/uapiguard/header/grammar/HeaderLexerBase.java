package io.uapiguard.header.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;

/** The one question {@link HeaderLexer} asks about the characters before the current token. */
public abstract class HeaderLexerBase extends Lexer {

    protected HeaderLexerBase(CharStream input) {
        super(input);
    }

    /** True when only blanks precede the current token on its line: a '#' there starts a directive. */
    protected boolean atLineStart() {
        int offset = _tokenStartCharIndex - _input.index();
        for (int k = offset - 1; ; k--) {
            int c = _input.LA(k);
            if (c == '\n' || c == IntStream.EOF) {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\f' && c != 0x0B && c != '\r') {
                return false;
            }
        }
    }
}
