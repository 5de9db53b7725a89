package io.uapiguard.header.pp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.HeaderTokens;
import io.uapiguard.header.lex.TextChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

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
    /**
     * The texts that {@link #lexLike} was last asked to take tokens from (a check's bases), by identity: a service
     * holds a base's text as one String for as long as it keeps it, and checks many candidates against it.
     */
    private static final Cache<String, Optional<Similar>> SIMILAR = Caffeine.newBuilder()
            .weakKeys().maximumSize(4).build();

    final char[] text;
    final PpToken[] tokens;
    final byte[] before;
    /** The include guard's macro, or null. */
    final String guard;
    /** How many of the tokens were taken from a similar text's ({@link #lexLike}) rather than lexed. */
    final int taken;

    private LexedFile(char[] text, PpToken[] tokens, byte[] before, String guard, int taken) {
        this.text = text;
        this.tokens = tokens;
        this.before = before;
        this.guard = guard;
        this.taken = taken;
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
        return lex(text, null, path, budget, null, null);
    }

    /** {@link #lex} of the header itself, {@code asText} its text as a String (null: none at hand). */
    static LexedFile header(char[] text, String asText, Budget budget) {
        return lex(text, asText, null, budget, null, null);
    }

    /**
     * {@link #lex} of the header itself, whose text {@code asText} is mostly {@code similar}'s (a check's candidate,
     * {@code similar} its base's text): where the two agree, the tokens are taken from the similar text's (lexed
     * once, and kept while it is asked for) rather than lexed again. The result is the one {@link #lex} gives.
     */
    static LexedFile lexLike(char[] text, String asText, String similar, Budget budget) {
        Similar base = SIMILAR.get(similar, k -> Similar.of(k, budget.limits())).orElse(null);
        if (base == null) {
            return header(text, asText, budget);
        }
        TextChange change = TextChange.between(similar, base.text, asText, text);
        return lex(text, asText, null, budget, new Splice(base, change, text), null);
    }

    /**
     * {@code counted}, when not null, receives for each token kept the number of tokens the lexer returned before it
     * (each accounted to the budget, off-channel ones included), then their total: {@code budget} must be fresh.
     */
    private static LexedFile lex(char[] text, String asText, String path, Budget budget, Splice splice,
                                 List<Integer> counted) {
        HeaderTokens lexer = new HeaderTokens(text, asText, path == null ? "" : path, PpTokenFactory.INSTANCE);
        // An edit has about as many tokens as its base: sized for them, the lists are not copied as they grow.
        int expected = splice == null ? 256 : splice.base.starts.length + 256;
        List<PpToken> tokens = new ArrayList<>(expected);
        ByteList before = new ByteList(expected);
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
            if (counted != null) {
                counted.add(budget.used() - 1);   // its budget is the lexing's own: what it had returned before t
            }
            if (splice != null) {
                Splice.Taken taken = splice.takeAfter(t, tokens, before, budget, lexer);
                if (taken == Splice.Taken.TO_END) {
                    break;
                }
                if (taken == Splice.Taken.UP_TO_A_LINE) {
                    pending = LINE_BEFORE | SPACE_BEFORE;   // the line end before the line lexing resumed at
                }
            }
        }
        if (counted != null) {
            counted.add(budget.used());
        }
        PpToken[] array = tokens.toArray(new PpToken[0]);
        byte[] flags = before.toArray();
        return new LexedFile(text, array, flags, guard(array, flags), splice == null ? 0 : splice.taken);
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

    /**
     * A similar text's tokens, ready to be taken from, field by field in arrays read in order (a token object of a
     * text kept for long is a cache miss away): the characters, each token's type, offsets, line, column (all of
     * the header's own text, on the default channel), text, what came before it, whether it starts a fresh line
     * ({@link #freshLine}), and how many tokens the lexer had returned before it ({@code counted}, one more entry:
     * their total), each of which a lexing accounts to its budget, the off-channel ones of directives included.
     */
    private record Similar(char[] text, int[] types, int[] starts, int[] stops, int[] lines, int[] columns,
                           String[] texts, byte[] before, boolean[] fresh, int[] counted) {

        /**
         * The tokens of {@code text}, or none to take from: when it does not lex, or when a comment opens after the
         * last one closes (a directive's comment, which ANTLR lexes, would then have looked ahead to the end).
         */
        static Optional<Similar> of(String text, Limits limits) {
            int open = text.lastIndexOf("/*");
            if (open >= 0 && text.lastIndexOf("*/") < open + 2) {
                return Optional.empty();
            }
            LexedFile lexed;
            List<Integer> counted = new ArrayList<>();   // once per base: its boxing is not worth a class
            try {
                lexed = lex(text.toCharArray(), text, null, new Budget(limits, "similar header"), null, counted);
            } catch (UapiguardException e) {
                return Optional.empty();
            }
            int n = lexed.tokens.length;
            Similar s = new Similar(lexed.text, new int[n], new int[n], new int[n], new int[n], new int[n],
                    new String[n], lexed.before, new boolean[n],
                    counted.stream().mapToInt(Integer::intValue).toArray());
            for (int i = 0; i < n; i++) {
                PpToken t = lexed.tokens[i];
                s.types[i] = t.getType();
                s.starts[i] = t.getStartIndex();
                s.stops[i] = t.getStopIndex();
                s.lines[i] = t.getLine();
                s.columns[i] = t.getCharPositionInLine();
                s.texts[i] = t.getText();
                s.fresh[i] = freshLine(lexed.text, t.getStartIndex());
            }
            return Optional.of(s);
        }

        /** The index of the first token starting at or after {@code offset} (the count when none does). */
        int firstFrom(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 1;
        }
    }

    /**
     * True when only blanks stand between {@code at} and the line end before it, and that line end ends a line (no
     * backslash before it): a lexer reaching {@code at}'s line is in its default mode, and nothing it read before
     * reaches past that line end (every mode ends at a line end, a comment or literal cannot end among blanks).
     */
    private static boolean freshLine(char[] s, int at) {
        int k = at - 1;
        while (k >= 0 && (s[k] == ' ' || s[k] == '\t')) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        if (s[k] != '\n') {
            return false;
        }
        k--;
        while (k >= 0 && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r')) {
            k--;
        }
        return k < 0 || s[k] != '\\';
    }

    /**
     * Lexing a text with a similar one's tokens at hand: the blocks of lines the two share ({@link TextChange}), in
     * order, and where lexing stands among them.
     */
    private static final class Splice {

        /** What {@link #takeAfter} did. */
        enum Taken {
            /** Nothing: lexing goes on after the token. */
            NONE,
            /** Tokens up to a fresh line: lexing goes on at that line's start. */
            UP_TO_A_LINE,
            /** Every token to the end of the text. */
            TO_END
        }

        private final Similar base;
        private final TextChange change;
        private final char[] text;
        /** The shared block lexing has reached: block k lies after hunk k - 1 and before hunk k. */
        private int block;
        /** Lines added before {@link #block} (by the hunks before it). */
        private int lineShift;
        /** Tokens taken so far. */
        int taken;

        Splice(Similar base, TextChange change, char[] text) {
            this.base = base;
            this.change = change;
            this.text = text;
        }

        private int newStart(int k) {
            return k == 0 ? 0 : change.newTo(k - 1);
        }

        private int newEnd(int k) {
            return k == change.size() ? text.length : change.newFrom(k);
        }

        private int oldStart(int k) {
            return k == 0 ? 0 : change.oldTo(k - 1);
        }

        private int oldEnd(int k) {
            return k == change.size() ? base.text.length : change.oldFrom(k);
        }

        /**
         * After {@code t}, just lexed: when it starts a fresh line in a shared block, and the base's same token does
         * too, the base's tokens after it up to the block's last token on a fresh line are added (moved to their place
         * here) and {@code lexer} goes on at that token's line, or all of them when the block runs to the end of both
         * texts.
         */
        Taken takeAfter(PpToken t, List<PpToken> tokens, ByteList before, Budget budget, HeaderTokens lexer) {
            int at = t.getStartIndex();
            while (block <= change.size() && at >= newEnd(block)) {
                if (block < change.size()) {
                    lineShift += change.lineDelta(block);
                }
                block++;
            }
            if (block > change.size() || at < newStart(block) || !freshLine(text, at)) {
                return Taken.NONE;
            }
            int shift = newStart(block) - oldStart(block);
            int j = base.firstFrom(at - shift);
            if (j == base.starts.length || base.starts[j] != at - shift || !base.fresh[j]
                    || base.types[j] != t.getType()) {
                return Taken.NONE;
            }
            boolean last = block == change.size();
            int upTo = base.starts.length;   // the first token not taken
            if (!last) {
                // the block's last token on a fresh line, after t's
                upTo = base.firstFrom(oldEnd(block)) - 1;
                while (upTo > j && !base.fresh[upTo]) {
                    upTo--;
                }
                if (upTo <= j) {
                    return Taken.NONE;
                }
            }
            // What lexing them would account, off-channel tokens included; past the bound they are lexed, so that
            // the limit's error is the one a lexing from scratch gives.
            int returned = base.counted[upTo] - base.counted[j] - 1;
            if (!budget.fits(returned)) {
                return Taken.NONE;
            }
            Pair<TokenSource, CharStream> source = new Pair<>(t.getTokenSource(), t.getInputStream());
            PpToken moved = t;
            for (int i = j + 1; i < upTo; i++) {
                moved = PpTokenFactory.INSTANCE.create(source, base.types[i], base.texts[i],
                        Token.DEFAULT_CHANNEL, base.starts[i] + shift, base.stops[i] + shift, base.lines[i] + lineShift,
                        base.columns[i]);
                tokens.add(moved);
                before.add(base.before[i]);
            }
            budget.lexed(returned, moved);
            taken += upTo - j - 1;
            if (last) {
                return Taken.TO_END;
            }
            int lineStart = base.starts[upTo];
            while (lineStart > 0 && base.text[lineStart - 1] != '\n') {
                lineStart--;
            }
            lexer.restartAt(lineStart + shift, base.lines[upTo] + lineShift);
            return Taken.UP_TO_A_LINE;
        }
    }

    private static final class ByteList {
        private byte[] bytes;
        private int size;

        ByteList(int capacity) {
            bytes = new byte[capacity];
        }

        void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
