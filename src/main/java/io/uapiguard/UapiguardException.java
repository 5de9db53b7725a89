package io.uapiguard;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The one application exception. Its {@link Reason} says what kind of failure it is; {@code api} maps it to an
 * HTTP status and {@code cli} to an exit code (the reason knows neither), so that every layer reports bad input
 * the same way and never as a stack trace.
 */
public class UapiguardException extends RuntimeException {

    public enum Reason {
        /** The caller gave something unusable (bad path, bad option, malformed config). */
        BAD_INPUT,
        /** A named thing (repository, revision, tag) does not exist. */
        NOT_FOUND,
        /** A header or patch did not parse or apply. */
        PARSE_ERROR,
        /** Input tripped a resource limit (expansion depth, token count, time, size). */
        LIMIT_EXCEEDED,
        /** Something on our side failed. */
        INTERNAL,
        /** The service cannot take this now (it is stopping); asking again later can succeed. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final String file;
    private final int line;
    private final int column;

    public UapiguardException(Reason reason, String message) {
        this(reason, message, null, 0, 0, null);
    }

    public UapiguardException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, 0, 0, cause);
    }

    /** An error at a position in an input file; line and column are 1-based, 0 when unknown. */
    public UapiguardException(Reason reason, String message, String file, int line, int column, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** NOT_FOUND for a repository name no one registered: the same words from every layer. */
    public static UapiguardException unknownRepository(String name) {
        return new UapiguardException(Reason.NOT_FOUND, "no repository named " + quote(name) + " is registered");
    }

    /**
     * A local file that could not be read, in the same words from every command: NOT_FOUND when it does not exist,
     * else BAD_INPUT saying why (not UTF-8 text, permission denied, or the system's reason), never a Java message
     * alone.
     */
    public static UapiguardException cannotRead(Object file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UapiguardException(Reason.NOT_FOUND, "no such file: " + file, e);
        }
        String why = e instanceof CharacterCodingException ? "not UTF-8 text (a binary file?)"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        return new UapiguardException(Reason.BAD_INPUT, "cannot read " + file + ": " + why, e);
    }

    /** How much of a value an error quotes: enough to recognise it, never the whole of a huge one. */
    public static final int QUOTED_CHARS = 80;

    /**
     * A value given by a user, quoted for an error message: in single quotes, control characters escaped,
     * and a long one cut to its first {@value #QUOTED_CHARS} characters with its length, so that an error never
     * repeats a megabyte it was sent.
     */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        int shown = Math.min(value.length(), QUOTED_CHARS);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder quoted = new StringBuilder(shown + 40).append('\'');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('\'');
        if (shown < value.length()) {
            quoted.insert(quoted.length() - 1, "...").append(" (").append(value.length()).append(" characters)");
        }
        return quoted.toString();
    }

    public Reason reason() {
        return reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** "file:line:column: message", the form compilers use, so editors can jump to it. */
    public String describe() {
        if (file == null) {
            return getMessage();
        }
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + getMessage();
    }
}
