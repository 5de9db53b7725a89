package io.uapiguard.git;

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
        return new RevPath(spec.substring(0, colon), repositoryPath(spec.substring(colon + 1)));
    }

    /**
     * A path as git's trees spell it: relative to the repository root, '/'-separated, without a leading
     * "/" or "./"; ".." is refused, since nothing above the root is in a revision.
     */
    public static String repositoryPath(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.startsWith("/") ? p.substring(1) : p.substring(2);
        }
        if (p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")) {
            throw new UapiguardException(Reason.BAD_INPUT, "path '" + path + "' leaves the repository");
        }
        return p;
    }

    @Override
    public String toString() {
        return revision + ":" + path;
    }
}
