package io.uapiguard.model;

import io.uapiguard.UapiguardException;
import java.util.List;

/**
 * Something of a header its model could not take in, so the model is incomplete: an {@code #include} that could
 * not be found, a member declaration that declares nothing. {@code file} and {@code line} say where (a line of
 * {@code file}, which may be an included header); {@code element} is what was left out as written
 * ({@code #include <linux/types.h>}, {@code struct tcf_foo.tc_gen}); {@code why} says why, for people.
 * The comparison matches gaps by element and why, never by line.
 */
public record Gap(String file, int line, String element, String why) {

    /** {@link #why} of an include that no include directory holds. */
    public static final String INCLUDE_NOT_FOUND = "included file not found";

    private static final int NAMED = 3;

    /**
     * {@code error} with the gaps met before it named, as the likely cause (an {@code #error "Unknown endianness"}
     * after {@code <asm/byteorder.h>} was not found); {@code error} itself when there were none.
     */
    public static UapiguardException explain(UapiguardException error, List<Gap> gaps) {
        if (gaps.isEmpty()) {
            return error;
        }
        StringBuilder why = new StringBuilder(error.getMessage()).append(" (the model already had gaps, which may be why: ");
        for (int i = 0; i < Math.min(NAMED, gaps.size()); i++) {
            Gap g = gaps.get(i);
            why.append(i == 0 ? "" : "; ").append(g.element()).append(" at ").append(g.file()).append(':')
                    .append(g.line()).append(", ").append(g.why());
        }
        why.append(gaps.size() > NAMED ? "; and " + (gaps.size() - NAMED) + " more)" : ")");
        return new UapiguardException(error.reason(), why.toString(), error.file(), error.line(), error.column(), error);
    }
}
