package io.uapiguard.header.lex;

import io.uapiguard.UapiguardException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error into a PARSE_ERROR at file:line:column: a partial parse is never used.
 * ANTLR's message is kept where it lists a few expected tokens; where it would list dozens, the message
 * names the construct being parsed instead ("in constant expression").
 */
public class ThrowingErrorListener extends BaseErrorListener {

    private static final int MAX_LISTED = 8;

    private final String file;
    private final String prefix;

    /** The file an error at {@code offendingSymbol} is in: the file given, unless a subclass knows better. */
    protected String fileOf(Object offendingSymbol) {
        return file;
    }

    public ThrowingErrorListener(String file, String prefix) {
        this.file = file;
        this.prefix = prefix;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        String message = msg;
        int open = msg.indexOf("expecting {");
        if (open >= 0 && msg.substring(open).split(",").length > MAX_LISTED && recognizer instanceof Parser p) {
            String found = offendingSymbol instanceof Token t
                    ? (t.getType() == Token.EOF ? "end of input" : "'" + t.getText() + "'") : "input";
            message = "unexpected " + found + " in " + words(p.getRuleNames()[p.getContext().getRuleIndex()]);
        }
        message = printable(message.replace("'<EOF>'", "end of input").replace("<EOF>", "end of input"));
        throw new UapiguardException(UapiguardException.Reason.PARSE_ERROR, prefix + message,
                fileOf(offendingSymbol), line, charPositionInLine + 1, null);
    }

    /** Control characters and non-ASCII (binary input) shown as escapes, so the message stays readable. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "constantExpression" reads "constant expression". */
    private static String words(String rule) {
        StringBuilder sb = new StringBuilder();
        for (char c : rule.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
