package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Severity;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.revision.GitHeaders;
import io.uapiguard.revision.GitHeaders.FileRevision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code uapiguard bench}: every consecutive pair of a header's revisions compared in one process, the way a
 * history-wide check would do it (each revision read and parsed once). Prints counts and in-process timings;
 * {@code bench/comparison.sh} times the whole process against the compile-and-abidiff baseline.
 */
@Command(name = "bench",
        description = "Compare every consecutive pair of revisions of a header in one process and report timings.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--repo", paramLabel = "DIR", description = "The git repository (default: the one around here).")
    Path repo;

    @Option(names = "--rev", paramLabel = "REV", defaultValue = "HEAD",
            description = "Walk the history reachable from this revision (default: ${DEFAULT-VALUE}).")
    String revision;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = CheckCommand.DEFAULT_PATH,
            description = "The header (default: ${DEFAULT-VALUE}).")
    String path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (GitHeaders git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""))) {
            for (FileRevision revision : git.history(this.revision, path)) {
                String name = revision.commit().abbreviate(12).name();
                names.add(name);
                texts.add(git.read(revision.commit(), path, name));
            }
        }
        long read = System.nanoTime();

        HeaderParser parser = new HeaderParser();
        List<UapiModel> models = new ArrayList<>(texts.size());
        int parseErrors = 0;
        for (int i = 0; i < texts.size(); i++) {
            try {
                models.add(parser.parse(names.get(i) + ":" + path, texts.get(i)));
            } catch (UapiguardException e) {
                models.add(null);
                parseErrors++;
                spec.commandLine().getErr().println("uapiguard: " + e.describe());
            }
        }
        long parsed = System.nanoTime();

        CompatEngine engine = CompatEngine.standard();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<String, Integer> byRule = new TreeMap<>();
        int pairs = 0;
        int breakingPairs = 0;
        for (int i = 1; i < models.size(); i++) {
            if (models.get(i - 1) == null || models.get(i) == null) {
                continue;
            }
            Comparison comparison = engine.compare(models.get(i - 1), models.get(i), path);
            pairs++;
            if (comparison.failsAt(Severity.BREAKING)) {
                breakingPairs++;
            }
            for (Finding f : comparison.findings()) {
                bySeverity.merge(f.severity(), 1, Integer::sum);
                byRule.merge(f.rule(), 1, Integer::sum);
            }
        }
        long compared = System.nanoTime();

        out.printf("revisions: %d (%d did not parse), pairs compared: %d, pairs with breaking findings: %d%n",
                texts.size(), parseErrors, pairs, breakingPairs);
        out.printf("findings: %d breaking, %d warning, %d info%n", bySeverity.getOrDefault(Severity.BREAKING, 0),
                bySeverity.getOrDefault(Severity.WARNING, 0), bySeverity.getOrDefault(Severity.INFO, 0));
        byRule.forEach((rule, count) -> out.printf("  %-32s %d%n", rule, count));
        out.printf("in-process ms: read %d, parse %d (%d headers), compare %d (%d pairs), total %d%n",
                millis(start, read), millis(read, parsed), texts.size(), millis(parsed, compared), pairs,
                millis(start, compared));
        out.flush();
        return parseErrors == 0 ? 0 : 2;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
