package io.uapiguard.header.pp;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/** Makes the lexer produce {@link PpToken}s, whose text is read from the input only when asked for. */
final class PpTokenFactory implements TokenFactory<PpToken> {

    static final PpTokenFactory INSTANCE = new PpTokenFactory();

    @Override
    public PpToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel,
                          int start, int stop, int line, int charPositionInLine) {
        PpToken t = new PpToken(source, type, channel, start, stop);
        t.setLine(line);
        t.setCharPositionInLine(charPositionInLine);
        t.expansionLine = line;
        t.expansionColumn = charPositionInLine;
        if (text != null) {
            t.setText(text);
        }
        return t;
    }

    @Override
    public PpToken create(int type, String text) {
        return new PpToken(type, text, 0, 0);
    }
}
