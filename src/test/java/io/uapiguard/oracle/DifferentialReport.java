package io.uapiguard.oracle;

import io.uapiguard.oracle.Differential.Fact;
import io.uapiguard.oracle.Differential.HeaderResult;
import io.uapiguard.oracle.Differential.Kind;
import io.uapiguard.oracle.Differential.Outcome;
import io.uapiguard.oracle.Differential.Totals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a differential run (the acceptance, with its goals) and the detail behind them: every wrong
 * fact by header, the causes of headers not modelled and of missing facts grouped, as Markdown for people and JSON
 * for the next run to compare against.
 */
public record DifferentialReport(String includeDir, String tools, String machine, List<HeaderResult> results,
        Map<String, String> notCompiling, Map<String, String> oracleFailures, Timing timing) {

    /**
     * Times of both sides. uapiguard, in this process: {@code parseNanos} the front end alone
     * ({@code HeaderParser.parse} on texts read beforehand), the process's first pass (cold JIT); {@code cliNanos}
     * the CLI's {@code model} command with its JSON, the second pass. gcc: the {@code -g} compile with reading its
     * DWARF, and the define probes, summed over the headers measured now (not those read from the cache), and the
     * wall time of the gcc side with {@code jobs} headers at a time.
     */
    public record Timing(long parseNanos, long cliNanos, long gccWallNanos, long gccDwarfNanos, long gccDefinesNanos,
            int gccMeasured, int gccCached, int jobs) {
    }

    private static final Pattern LOCATION = Pattern.compile("^(uapiguard: )?\\S+?:\\d+(:\\d+)?: ");
    private static final Pattern QUOTED_NAME = Pattern.compile("'[A-Za-z_]\\w*'");
    private static final Pattern TAGGED = Pattern.compile("\\b(struct|union|enum) [A-Za-z_]\\w*");
    private static final Pattern NAMES = Pattern.compile("\\b(?=\\w*[_0-9])[A-Za-z_]\\w*\\b");
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d+\\b");

    /** Rows of the longer tables of the Markdown report; report.json has them all. */
    private static final int MAX_ROWS = 40;

    public DifferentialReport {
        results = List.copyOf(results);
        notCompiling = new TreeMap<>(notCompiling);
        oracleFailures = new TreeMap<>(oracleFailures);
    }

    public Totals totals() {
        Totals t = new Totals();
        results.forEach(t::add);
        notCompiling.keySet().forEach(h -> t.addNotCompiling());
        return t;
    }

    /** The acceptance figures, one per line, with the goals. */
    public String summary() {
        Totals t = totals();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "headers: %d, %d compile standalone with gcc, %d do not%s%n", t.headers(),
                t.compiling(), notCompiling.size(),
                oracleFailures.isEmpty() ? "" : ", " + oracleFailures.size() + " where the oracle failed"));
        s.append(String.format(Locale.ROOT, "modelled with exit 0: %d of %d = %s (goal >= 99 %%)%n", t.modelled(),
                t.compiling(), percent(t.modelledShare())));
        for (Kind k : Kind.values()) {
            s.append(String.format(Locale.ROOT, "%s equal: %d of %d = %s (differ %d, missing %d; goal >= %s)%n", k.label,
                    t.count(k, Outcome.EQUAL), t.total(k), percent(t.equalShare(k)), t.count(k, Outcome.DIFFER),
                    t.count(k, Outcome.MISSING), k == Kind.DEFINE ? "99 %" : "99.5 %"));
        }
        s.append(String.format(Locale.ROOT, "wrong facts in headers modelled with exit 0 and reported complete: %d in %d headers (goal 0)%n",
                t.wrong(), results.stream().filter(r -> !r.wrong().isEmpty()).count()));
        s.append(String.format(Locale.ROOT, "facts silently absent from headers modelled with exit 0: %d in %d headers%n",
                t.silentlyMissing(), t.silentHeaders()));
        Timing tm = timing;
        s.append(String.format(Locale.ROOT,
                "uapiguard, %d headers in one process: front end %.2f s (first pass, cold JIT); CLI model + JSON %.2f s "
                        + "(second pass)%n",
                t.headers() + oracleFailures.size(), seconds(tm.parseNanos()), seconds(tm.cliNanos())));
        s.append(String.format(Locale.ROOT,
                "gcc, %d headers measured (%d from the cache), %d job(s): %.2f s wall; compile -g + DWARF %.2f s, "
                        + "define probes %.2f s%n",
                tm.gccMeasured(), tm.gccCached(), tm.jobs(), seconds(tm.gccWallNanos()), seconds(tm.gccDwarfNanos()),
                seconds(tm.gccDefinesNanos())));
        if (tm.gccCached() == 0 && tm.parseNanos() > 0 && tm.cliNanos() > 0) {
            s.append(String.format(Locale.ROOT, "gcc -g + DWARF / uapiguard: %.1fx the front end, %.1fx the CLI "
                    + "(goal >= 20x)%n", (double) tm.gccDwarfNanos() / tm.parseNanos(),
                    (double) tm.gccDwarfNanos() / tm.cliNanos()));
        } else if (tm.gccCached() > 0) {
            s.append("(no speed ratio: some of gcc's results came from the cache; --fresh measures them all)\n");
        }
        return s.toString();
    }

    /** Writes {@code report.md} and {@code report.json} into {@code dir}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), markdown());
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValue(dir.resolve("report.json").toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Differential run: uapiguard against gcc\n\n");
        md.append("Include tree `").append(includeDir).append("`; ").append(tools).append("; ").append(machine)
                .append(".\n\n```\n").append(summary()).append("```\n");

        md.append("\n## Headers gcc compiles that uapiguard does not model, by cause\n\n");
        Map<String, List<HeaderResult>> causes = results.stream().filter(r -> !r.modelled())
                .collect(Collectors.groupingBy(r -> cause(r.error()), TreeMap::new, Collectors.toList()));
        md.append("| headers | cause (names replaced by X) | headers (first 6) | first message |\n|---|---|---|---|\n");
        byCount(causes).forEach(e -> md.append("| ").append(e.getValue().size()).append(" | ").append(cell(e.getKey()))
                .append(" | ").append(e.getValue().stream().limit(6).map(HeaderResult::header)
                        .collect(Collectors.joining(", ")))
                .append(" | ").append(cell(e.getValue().get(0).error())).append(" |\n"));

        md.append("\n## Wrong facts (exit 0, a value that differs from gcc's)\n\n");
        md.append("| header | kind | element | gcc | uapiguard |\n|---|---|---|---|---|\n");
        for (HeaderResult r : results) {
            for (Fact f : r.wrong()) {
                md.append("| ").append(r.header()).append(" | ").append(f.kind().label).append(" | `")
                        .append(f.name()).append("` | ").append(f.gcc()).append(" | ").append(f.uapiguard())
                        .append(" |\n");
            }
        }

        md.append("\n## Missing facts, by why (the most first)\n\n| kind | why | facts | headers |\n|---|---|---|---|\n");
        Map<String, List<String>> missing = new TreeMap<>();
        for (HeaderResult r : results) {
            for (Fact f : r.facts()) {
                if (f.outcome() == Outcome.MISSING) {
                    missing.computeIfAbsent(f.kind().label + " | " + f.why(), k -> new ArrayList<>()).add(r.header());
                }
            }
        }
        List<Map.Entry<String, List<String>>> whys = byCount(missing);
        whys.stream().limit(MAX_ROWS).forEach(e -> md.append("| ").append(e.getKey()).append(" | ")
                .append(e.getValue().size()).append(" | ").append(e.getValue().stream().distinct().count())
                .append(" |\n"));
        if (whys.size() > MAX_ROWS) {
            md.append("\n").append(whys.size() - MAX_ROWS).append(" rarer ones in report.json.\n");
        }

        md.append("\n## Modelled headers with the most missing facts\n\n| header | missing | of |\n|---|---|---|\n");
        results.stream().filter(HeaderResult::modelled)
                .sorted(Comparator.comparingLong((HeaderResult r) -> -missingCount(r)).thenComparing(HeaderResult::header))
                .filter(r -> missingCount(r) > 0).limit(25)
                .forEach(r -> md.append("| ").append(r.header()).append(" | ").append(missingCount(r)).append(" | ")
                        .append(r.facts().size()).append(" |\n"));

        md.append("\n## Headers gcc does not compile standalone (not counted)\n\n");
        notCompiling.forEach((h, err) -> md.append("- ").append(h).append(": `").append(err.replace('`', '\''))
                .append("`\n"));
        if (!oracleFailures.isEmpty()) {
            md.append("\n## Headers where the oracle itself failed (not counted)\n\n");
            oracleFailures.forEach((h, err) -> md.append("- ").append(h).append(": ").append(err).append('\n'));
        }
        return md.toString();
    }

    private static long missingCount(HeaderResult r) {
        return r.facts().stream().filter(f -> f.outcome() == Outcome.MISSING).count();
    }

    /** An error message without its location, names replaced, so that like errors group together. */
    static String cause(String error) {
        String first = error == null ? "(no message)" : error.lines().findFirst().orElse("(no message)");
        String c = LOCATION.matcher(first).replaceFirst("");
        c = QUOTED_NAME.matcher(c).replaceAll("'X'");
        c = TAGGED.matcher(c).replaceAll("$1 X");
        c = NAMES.matcher(c).replaceAll("X");
        return NUMBERS.matcher(c).replaceAll("N");
    }

    private static <T> List<Map.Entry<String, List<T>>> byCount(Map<String, List<T>> groups) {
        List<Map.Entry<String, List<T>>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, List<T>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
