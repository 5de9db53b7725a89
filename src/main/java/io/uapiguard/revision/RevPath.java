package io.uapiguard.revision;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;

/** A {@code REV:PATH} argument, as git itself spells a file at a revision ({@code v6.1:include/uapi/linux/bpf.h}). */
public record RevPath(String revision, String path) {

    public RevPath {
        if (revision.isEmpty() || path.isEmpty()) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "expected REV:PATH (e.g. HEAD~1:include/uapi/linux/bpf.h), got '" + revision + ":" + path + "'");
        }
    }

    /** Splits at the first colon; a path never starts a revision name, so "HEAD:a:b" means path "a:b". */
    public static RevPath parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "expected REV:PATH (e.g. HEAD~1:include/uapi/linux/bpf.h), got '" + spec + "'");
        }
        return new RevPath(spec.substring(0, colon), stripLeadingSlashes(spec.substring(colon + 1)));
    }

    private static String stripLeadingSlashes(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return path.substring(i);
    }

    @Override
    public String toString() {
        return revision + ":" + path;
    }
}
