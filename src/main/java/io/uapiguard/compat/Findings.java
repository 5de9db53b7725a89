package io.uapiguard.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the findings of one comparison; rules add to it through {@link #of(RuleInfo)}. */
final class Findings {

    /** Breaking first, then by rule id, line, symbol and message: the same inputs always give the same order. */
    static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::symbol)
            .thenComparing(Finding::message);

    private final String path;
    private final List<Finding> added = new ArrayList<>();

    Findings(String path) {
        this.path = path;
    }

    /** Starts a finding of {@code rule} at its default severity. */
    Draft of(RuleInfo rule) {
        return new Draft(rule);
    }

    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(added);
        out.sort(ORDER);
        return out;
    }

    /** Which header a finding's line refers to: the new one, or the old one for things that are gone. */
    enum Side { OLD, NEW }

    final class Draft {
        private final RuleInfo rule;
        private Severity severity;
        private String symbol;
        private String message;
        private String oldValue;
        private String newValue;
        private int line;
        private final Map<String, String> attachments = new LinkedHashMap<>();

        private Draft(RuleInfo rule) {
            this.rule = rule;
            this.severity = rule.defaultSeverity();
        }

        Draft severity(Severity s) {
            severity = s;
            return this;
        }

        Draft symbol(String s) {
            symbol = s;
            return this;
        }

        /**
         * The message: {@code format} with each {@code %s} or {@code %d} replaced by the next argument, as
         * {@link String#format} would with {@link java.util.Locale#ROOT} (arguments left over are ignored), at a
         * fraction of its cost (a history walk writes thousands of messages).
         */
        Draft message(String format, Object... args) {
            StringBuilder out = new StringBuilder(format.length() + 16 * args.length);
            int next = 0;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                char spec = i + 1 < format.length() ? format.charAt(i + 1) : 0;
                if ((spec != 's' && spec != 'd') || next >= args.length) {
                    throw new IllegalArgumentException("message format takes %s and %d only, an argument for each: "
                            + format);
                }
                out.append(args[next++]);
                i++;
            }
            message = out.toString();
            return this;
        }

        /** The old and new value as shown to people; also attached as {@code old} / {@code new}. */
        Draft values(Object oldV, Object newV) {
            oldValue = oldV == null ? null : oldV.toString();
            newValue = newV == null ? null : newV.toString();
            attach("old", oldValue);
            attach("new", newValue);
            return this;
        }

        Draft at(int headerLine, Side side) {
            line = headerLine;
            attachments.put("side", side.name().toLowerCase(java.util.Locale.ROOT));
            return this;
        }

        Draft attach(String key, Object value) {
            if (value != null) {
                attachments.put(key, value.toString());
            }
            return this;
        }

        void add() {
            added.add(new Finding(rule.id(), severity, symbol, message, oldValue, newValue,
                    new Location(path, line), attachments, false, null));
        }
    }
}
