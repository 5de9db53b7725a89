package io.uapiguard.header.pp;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A preprocessing token. {@link #getLine()} / {@link #getCharPositionInLine()} are where its characters were
 * written (inside a macro definition for tokens of a replacement list); {@link #expansionLine} is where, in the
 * file, the outermost macro invocation that produced it stands (its own line for a token of the file's text).
 * {@link #file} and {@link #expansionFile} name the files of both (null: the parsed header itself, not a file it
 * includes). The same objects flow from the lexer through the expander into the declaration parser: nothing is
 * copied that was not produced by a macro or read from an included file's shared tokens.
 */
public final class PpToken extends CommonToken {

    /** Macros that must not expand this token again (Prosser's hide set). */
    public HideSet hideSet = HideSet.EMPTY;
    /** Whitespace (or a comment) came before this token in its source. */
    boolean spaceBefore;
    public int expansionLine;
    int expansionColumn;
    /** The included file where this token was written; null for the header itself. */
    public String file;
    /** The file of {@link #expansionLine}; null for the header itself. */
    public String expansionFile;
    /** Transient, during substitution: came from a macro argument. */
    boolean fromArgument;

    PpToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop) {
        super(source, type, channel, start, stop);
    }

    /** A token made by the front end itself (pasting, stringizing, placemarkers, synthetic input). */
    public PpToken(int type, String text, int line, int column) {
        super(type, text);
        setLine(line);
        setCharPositionInLine(column);
        expansionLine = line;
        expansionColumn = column;
    }

    private PpToken(PpToken other) {
        super(other);
        this.text = other.getText();
        this.hideSet = other.hideSet;
        this.spaceBefore = other.spaceBefore;
        this.expansionLine = other.expansionLine;
        this.expansionColumn = other.expansionColumn;
        this.file = other.file;
        this.expansionFile = other.expansionFile;
    }

    public PpToken copy() {
        return new PpToken(this);
    }

    /** A token made by the front end where {@code at} stands: its position and files. */
    static PpToken at(int type, String text, PpToken at) {
        PpToken t = new PpToken(type, text, at.getLine(), at.getCharPositionInLine());
        t.file = at.file;
        t.expansionFile = at.file;
        return t;
    }

    /** True when the file's own text, not an included file's, holds the expansion that made this token. */
    public boolean inHeader() {
        return expansionFile == null;
    }

    @Override
    public String getText() {
        if (text == null) {
            text = super.getText();
        }
        return text;
    }

    /** 1-based column, as error messages give it. */
    public int column() {
        return getCharPositionInLine() + 1;
    }
}
