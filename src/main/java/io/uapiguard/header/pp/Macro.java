package io.uapiguard.header.pp;

import java.util.List;

/**
 * A macro definition. {@code params} are the parameter names as the body refers to them (a named variadic
 * {@code ctx...} is {@code ctx}, an anonymous one {@code __VA_ARGS__}); {@code paramsAsWritten} keep the
 * spelling ({@code ctx...}). {@code id} names the macro in hide sets. {@code file} is the included file that
 * defines it, null for the header itself.
 */
public record Macro(int id, String name, boolean functionLike, List<String> params, List<String> paramsAsWritten,
             boolean variadic, List<PpToken> body, int line, int column, String file) {

    /** A macro of the header itself. */
    public Macro(int id, String name, boolean functionLike, List<String> params, List<String> paramsAsWritten,
                 boolean variadic, List<PpToken> body, int line, int column) {
        this(id, name, functionLike, params, paramsAsWritten, variadic, body, line, column, null);
    }

    public Macro {
        params = List.copyOf(params);
        paramsAsWritten = List.copyOf(paramsAsWritten);
        body = List.copyOf(body);
    }

    /** Index of {@code name} among the parameters, or -1. */
    public int paramIndex(String text) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
