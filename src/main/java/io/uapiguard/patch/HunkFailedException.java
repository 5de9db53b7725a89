package io.uapiguard.patch;

import io.uapiguard.UapiguardException;

/** A hunk that does not apply: which file, which hunk ({@code @@ -a,b +c,d @@}) and the header line it failed at. */
public final class HunkFailedException extends UapiguardException {

    private final String hunk;

    HunkFailedException(String path, String hunk, int line, String message) {
        super(Reason.PARSE_ERROR, message, path, line, 0, null);
        this.hunk = hunk;
    }

    /** The hunk header as written in the patch, {@code @@ -a,b +c,d @@}. */
    public String hunk() {
        return hunk;
    }
}
