package io.uapiguard.model;

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
}
