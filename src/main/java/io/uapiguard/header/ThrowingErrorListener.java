package io.uapiguard.header;

import io.uapiguard.UapiguardException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Turns the first syntax error into a PARSE_ERROR at file:line:column: a partial parse is never used. */
final class ThrowingErrorListener extends BaseErrorListener {

    private final String file;
    private final String prefix;

    ThrowingErrorListener(String file, String prefix) {
        this.file = file;
        this.prefix = prefix;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        String message = msg.replace("'<EOF>'", "end of input").replace("<EOF>", "end of input");
        throw new UapiguardException(UapiguardException.Reason.PARSE_ERROR, prefix + message, file,
                line, charPositionInLine + 1, null);
    }
}
