package io.uapiguard.cli;

import io.uapiguard.compat.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code .uapiguard.yml} acceptances that would let blocked findings through, ready to paste and justify. */
final class AcceptanceSnippet {

    private AcceptanceSnippet() {
    }

    /** One acceptance per distinct (rule, symbol), in report order, under the policy file's top-level key. */
    static String yaml(List<Finding> findings) {
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder yaml = new StringBuilder("accept:\n");
        for (Finding f : findings) {
            if (!seen.add(f.rule() + "\u0000" + f.symbol())) {
                continue;
            }
            yaml.append("  - rule: ").append(f.rule()).append('\n')
                    .append("    symbol: ").append(quote(f.symbol())).append('\n')
                    .append("    justification: \"<why no user-space program can notice this>\"\n")
                    .append("    # expires: 2027-01-31   # optional: the last day this acceptance applies\n");
        }
        return yaml.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
