package io.uapiguard.model;

import java.util.List;

/**
 * One mapper macro as written: its parameters ({@code ctx...} kept as written), the number of arguments
 * its body passes to {@code FN}, the text between entries (",", or "" when the entries carry no separator), and its line.
 * {@code body} is the replacement list as normalised tokens: text-based consumers scrape it.
 */
public record MapperMacro(String name, List<String> params, int fnArity, String separator, int line, String body) {

    public MapperMacro {
        params = List.copyOf(params);
    }
}
