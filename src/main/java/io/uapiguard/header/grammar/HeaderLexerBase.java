package io.uapiguard.header.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * What {@link HeaderLexer} asks about the characters before the current token, and a shortcut for the one
 * token kind that dominates bpf.h: block comments (85% of its 286 KB are helper documentation). Given the
 * source text, a comment in the default mode is found with {@link String#indexOf} instead of one DFA step per
 * character; the token is exactly what the grammar's {@code BLOCK_COMMENT} rule produces (a test compares both).
 */
public abstract class HeaderLexerBase extends Lexer {

    private String source;

    protected HeaderLexerBase(CharStream input) {
        super(input);
    }

    /**
     * The text behind the char stream, enabling the comment shortcut. Ignored when the text holds characters
     * outside the BMP, where char and code point indices differ.
     */
    public void useSource(String text) {
        this.source = text.length() == text.codePointCount(0, text.length()) ? text : null;
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

    @Override
    public Token nextToken() {
        if (source != null && _mode == DEFAULT_MODE && !_hitEOF) {
            int start = _input.index();
            if (start + 1 < source.length() && source.charAt(start) == '/' && source.charAt(start + 1) == '*') {
                int close = source.indexOf("*/", start + 2);
                if (close >= 0) {
                    return blockComment(start, close + 2);
                }
            }
        }
        return super.nextToken();
    }

    private Token blockComment(int start, int end) {
        int line = getLine();
        int column = getCharPositionInLine();
        int lastNewline = -1;
        int newlines = 0;
        for (int i = source.indexOf('\n', start); i >= 0 && i < end; i = source.indexOf('\n', i + 1)) {
            newlines++;
            lastNewline = i;
        }
        Token t = _factory.create(_tokenFactorySourcePair, HeaderLexer.BLOCK_COMMENT, null, HeaderLexer.COMMENTS,
                start, end - 1, line, column);
        _input.seek(end);
        getInterpreter().setLine(line + newlines);
        getInterpreter().setCharPositionInLine(lastNewline < 0 ? column + (end - start) : end - lastNewline - 1);
        _token = t;
        return t;
    }
}
