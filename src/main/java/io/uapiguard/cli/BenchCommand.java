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
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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

    @Option(names = "--files", paramLabel = "DIR",
            description = "Read the revisions from the *.h files of DIR, in name order, instead of from git.")
    Path files;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Parse and compare with N threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "--threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (files != null) {
            readFiles(names, texts);
        } else {
            readGit(names, texts);
        }
        long read = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            HeaderParser parser = new HeaderParser();
            List<Future<UapiModel>> parsing = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String name = names.get(i);
                String text = texts.get(i);
                parsing.add(pool.submit(() -> parser.parse(name, text)));
            }
            List<UapiModel> models = new ArrayList<>(texts.size());
            int parseErrors = 0;
            for (Future<UapiModel> model : parsing) {
                try {
                    models.add(model.get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UapiguardException problem)) {
                        throw e;
                    }
                    models.add(null);
                    parseErrors++;
                    spec.commandLine().getErr().println("uapiguard: " + problem.describe());
                }
            }
            long parsed = System.nanoTime();

            CompatEngine engine = CompatEngine.standard();
            List<Future<Comparison>> comparing = new ArrayList<>();
            for (int i = 1; i < models.size(); i++) {
                UapiModel older = models.get(i - 1);
                UapiModel newer = models.get(i);
                if (older != null && newer != null) {
                    comparing.add(pool.submit(() -> engine.compare(older, newer, path)));
                }
            }
            Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
            Map<String, Integer> byRule = new TreeMap<>();
            int breakingPairs = 0;
            for (Future<Comparison> pair : comparing) {
                Comparison comparison = pair.get();
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
                    texts.size(), parseErrors, comparing.size(), breakingPairs);
            out.printf("findings: %d breaking, %d warning, %d info%n", bySeverity.getOrDefault(Severity.BREAKING, 0),
                    bySeverity.getOrDefault(Severity.WARNING, 0), bySeverity.getOrDefault(Severity.INFO, 0));
            byRule.forEach((rule, count) -> out.printf("  %-32s %d%n", rule, count));
            out.printf("in-process ms (%d thread%s): read %d, parse %d (%d headers), compare %d (%d pairs), total %d%n",
                    threads, threads == 1 ? "" : "s", millis(start, read), millis(read, parsed), texts.size(),
                    millis(parsed, compared), comparing.size(), millis(start, compared));
            out.flush();
            return parseErrors == 0 ? 0 : 2;
        } finally {
            pool.shutdownNow();
        }
    }

    private void readFiles(List<String> names, List<String> texts) {
        if (!Files.isDirectory(files)) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "not a directory: " + files);
        }
        try (Stream<Path> listing = Files.list(files)) {
            for (Path file : listing.filter(f -> f.toString().endsWith(".h")).sorted().toList()) {
                names.add(file.toString());
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT,
                    "cannot read the headers in " + files + ": " + e.getMessage(), e);
        }
    }

    private void readGit(List<String> names, List<String> texts) {
        try (GitHeaders git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""))) {
            for (FileRevision revision : git.history(this.revision, path)) {
                String name = revision.commit().abbreviate(12).name() + ":" + path;
                names.add(name);
                texts.add(git.readBlob(revision.blob(), name));
            }
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
