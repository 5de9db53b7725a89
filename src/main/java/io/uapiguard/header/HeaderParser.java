package io.uapiguard.header;

import io.uapiguard.UapiguardException;
import io.uapiguard.model.UapiModel;

/** Turns the text of one header revision into its model. Thread-safe. */
public final class HeaderParser {

    /** Bumped whenever the model a given text produces may change, so stored models get re-parsed. */
    public static final int VERSION = 1;

    /**
     * Parses {@code text}; {@code file} names it in errors.
     *
     * @throws UapiguardException with reason PARSE_ERROR or LIMIT_EXCEEDED, never a partial model
     */
    public UapiModel parse(String file, String text) {
        throw new UapiguardException(UapiguardException.Reason.INTERNAL, "front end not built yet (issue 2)");
    }
}
