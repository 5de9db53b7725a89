package io.uapiguard.header.pp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.HeaderTokens;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The preprocessing tokens of one file's text, lexed once: the default-channel tokens with what came before each
 * (spacing, a line end), and the file's include guard when its whole text is one {@code #ifndef GUARD} group.
 * An included file's tokens are shared by every parse of the process through {@link #shared}, keyed by the
 * content key its {@link IncludeSource} gives; they are never changed (the preprocessor copies each it uses).
 */
final class LexedFile {

    static final byte SPACE_BEFORE = 1;
    static final byte LINE_BEFORE = 2;

    /** Bounded by tokens held (about 100 bytes each): the tree of linux-libc-dev needs a fraction of it. */
    private static final Cache<String, LexedFile> SHARED = Caffeine.newBuilder()
            .maximumWeight(2_000_000).weigher((String k, LexedFile f) -> f.tokens.length + 1).build();

    final char[] text;
    final PpToken[] tokens;
    final byte[] before;
    /** The include guard's macro, or null. */
    final String guard;

    private LexedFile(char[] text, PpToken[] tokens, byte[] before, String guard) {
        this.text = text;
        this.tokens = tokens;
        this.before = before;
        this.guard = guard;
    }

    /** The shared tokens of an included file, lexed on the first use of its content key. */
    static LexedFile shared(IncludeSource.Found found, Limits limits) {
        return SHARED.get(found.key(), k -> {
            char[] text = found.text();
            if (text.length > limits.maxInputChars()) {
                throw new UapiguardException(UapiguardException.Reason.LIMIT_EXCEEDED, "included file is "
                        + text.length + " characters long, more than the " + limits.maxInputChars() + " accepted",
                        found.path(), 0, 0, null);
            }
            return lex(text, found.path(), new Budget(limits, found.path()));
        });
    }

    /** Lexes {@code text}, accounting each token to {@code budget}; {@code path} null for the header itself. */
    static LexedFile lex(char[] text, String path, Budget budget) {
        HeaderTokens lexer = new HeaderTokens(text, path == null ? "" : path, PpTokenFactory.INSTANCE);
        List<PpToken> tokens = new ArrayList<>();
        ByteList before = new ByteList();
        byte pending = LINE_BEFORE;
        while (true) {
            PpToken t = (PpToken) lexer.next();
            if (t.getType() == Token.EOF) {
                break;
            }
            budget.lexed(t);
            int skipped = lexer.skippedBefore();
            if ((skipped & HeaderTokens.SKIPPED_NEWLINE) != 0 || t.getChannel() == HeaderLexer.NEWLINES) {
                pending |= LINE_BEFORE | SPACE_BEFORE;
            } else if (skipped != 0 || t.getChannel() != Token.DEFAULT_CHANNEL) {
                pending |= SPACE_BEFORE;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (t.getType() == HeaderLexer.UNTERMINATED_COMMENT) {
                throw new UapiguardException(UapiguardException.Reason.PARSE_ERROR,
                        "unterminated comment: '/*' without '*/'", path == null ? budget.file() : path,
                        t.getLine(), t.column(), null);
            }
            t.getText();   // resolved now: shared tokens are read, never written, by the parses
            t.file = path;
            t.expansionFile = path;
            tokens.add(t);
            before.add(pending);
            pending = 0;
        }
        PpToken[] array = tokens.toArray(new PpToken[0]);
        byte[] flags = before.toArray();
        return new LexedFile(text, array, flags, guard(array, flags));
    }

    /** GUARD when the tokens are {@code #ifndef GUARD ... #endif} and nothing outside that group. */
    private static String guard(PpToken[] t, byte[] before) {
        if (t.length < 5 || t[0].getType() != HeaderLexer.DIRECTIVE_START || t[1].getType() != HeaderLexer.IFNDEF
                || t[2].getType() != HeaderLexer.IDENTIFIER || (before[3] & LINE_BEFORE) == 0) {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i].getType() != HeaderLexer.DIRECTIVE_START || (before[i] & LINE_BEFORE) == 0 || i + 1 >= t.length) {
                continue;
            }
            int kind = t[i + 1].getType();
            if (kind == HeaderLexer.IF || kind == HeaderLexer.IFDEF || kind == HeaderLexer.IFNDEF) {
                depth++;
            } else if (kind == HeaderLexer.ENDIF) {
                depth--;
                if (depth == 0) {
                    for (int j = i + 2; j < t.length; j++) {
                        if ((before[j] & LINE_BEFORE) != 0) {
                            return null;   // something after the guard's #endif
                        }
                    }
                    return t[2].getText();
                }
            } else if ((kind == HeaderLexer.ELSE || kind == HeaderLexer.ELIF) && depth == 1) {
                return null;
            }
        }
        return null;
    }

    private static final class ByteList {
        private byte[] bytes = new byte[256];
        private int size;

        void add(byte b) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
