package io.uapiguard.header.pp;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link TokenStream} over tokens already in memory, all on the default channel, ending in EOF. The expander
 * hands the parser a finished list; ANTLR's buffered stream would copy it again and scan for channels on every
 * lookahead, which is a fifth of the parse time on bpf.h.
 */
public final class TokenArrayStream implements TokenStream {

    private final Token[] tokens;
    /** The tokens' types: {@link #LA} is the parser's most frequent call. */
    private final int[] types;
    private final String sourceName;
    private int p;

    /** {@code list} must hold default-channel tokens only; an EOF token is appended and indices are assigned. */
    public TokenArrayStream(List<PpToken> list, String sourceName) {
        this.sourceName = sourceName;
        this.tokens = new Token[list.size() + 1];
        this.types = new int[list.size() + 1];
        for (int i = 0; i < list.size(); i++) {
            PpToken t = list.get(i);
            t.setTokenIndex(i);
            tokens[i] = t;
            types[i] = t.getType();
        }
        PpToken last = list.isEmpty() ? null : list.get(list.size() - 1);
        PpToken eof = new PpToken(Token.EOF, "<EOF>", last == null ? 1 : last.getLine(),
                last == null ? 0 : last.getCharPositionInLine() + last.getText().length());
        eof.setTokenIndex(list.size());
        tokens[list.size()] = eof;
        types[list.size()] = Token.EOF;
    }

    @Override
    public Token LT(int k) {
        if (k == 0) {
            return null;
        }
        int i = k < 0 ? p + k : p + k - 1;
        if (i < 0) {
            return null;
        }
        return tokens[Math.min(i, tokens.length - 1)];
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? p + i - 1 : p + i;
        if (i == 0 || at < 0) {
            return Token.INVALID_TYPE;
        }
        return types[Math.min(at, types.length - 1)];
    }

    @Override
    public Token get(int index) {
        return tokens[index];
    }

    @Override
    public TokenSource getTokenSource() {
        return null;
    }

    @Override
    public String getText(Interval interval) {
        StringBuilder sb = new StringBuilder();
        int stop = Math.min(interval.b, tokens.length - 2);
        for (int i = Math.max(0, interval.a); i <= stop; i++) {
            sb.append(tokens[i].getText());
        }
        return sb.toString();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, tokens.length - 1));
    }

    @Override
    public String getText(org.antlr.v4.runtime.RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null) {
            return "";
        }
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }

    @Override
    public void consume() {
        if (tokens[p].getType() == Token.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    public int mark() {
        return 0;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.min(index, tokens.length - 1);
    }

    @Override
    public int size() {
        return tokens.length;
    }

    @Override
    public String getSourceName() {
        return sourceName;
    }
}
