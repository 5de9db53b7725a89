package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Severity;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.policy.Policy;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.patch.LineMap;
import io.uapiguard.git.GitHeaders.FileRevision;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
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

    @Option(names = "--path", paramLabel = "PATH", defaultValue = UapiModel.DEFAULT_PATH,
            description = "The header (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--files", paramLabel = "DIR",
            description = "Read the revisions from the *.h files of DIR, in name order, instead of from git.")
    Path files;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Parse and compare with N threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--no-consumers",
            description = "Do not run the catalogue's consumers of the header's text (consumer.extraction-changed).")
    boolean noConsumers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "--threads must be at least 1");
        }
        try (Revisions revisions = files != null ? fileRevisions() : gitRevisions()) {
            return run(revisions, spec.commandLine().getOut());
        }
    }

    /**
     * Streams the history: this thread reads revision i while the pool parses it and compares it with revision
     * i - 1, a bounded window ahead of the tally. Only a few models are alive at a time, as in a history walk.
     */
    private int run(Revisions revisions, PrintWriter out) throws InterruptedException {
        long start = System.nanoTime();
        long readNanos = 0;   // only this thread reads
        LongAdder parseNanos = new LongAdder();
        LongAdder compareNanos = new LongAdder();
        LongAdder consumerNanos = new LongAdder();
        Consumers consumers = new Consumers(noConsumers ? List.of() : Policy.catalogue());
        Map<Integer, String> parseErrors = new ConcurrentSkipListMap<>();
        HeaderParser parser = new HeaderParser();
        CompatEngine engine = CompatEngine.standard();
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Deque<CompletableFuture<Comparison>> pending = new ArrayDeque<>();
            CompletableFuture<UapiModel> previous = null;
            Consumers.Text previousText = null;
            for (int i = 0; i < revisions.size(); i++) {
                int index = i;
                String name = revisions.name(i);
                long before = System.nanoTime();
                Consumers.Text text = revisions.read(i);
                readNanos += System.nanoTime() - before;
                CompletableFuture<UapiModel> parsed = CompletableFuture.supplyAsync(() -> {
                    long from = System.nanoTime();
                    try {
                        return parser.parse(name, text.chars());
                    } catch (UapiguardException e) {
                        parseErrors.put(index, e.describe());
                        return null;
                    } finally {
                        parseNanos.add(System.nanoTime() - from);
                    }
                }, pool);
                if (previous != null) {
                    Consumers.Text olderText = previousText;
                    pending.add(previous.thenCombineAsync(parsed, (older, newer) -> {
                        if (older == null || newer == null) {
                            return null;
                        }
                        long from = System.nanoTime();
                        // As the CLI does: removals placed in the new text, so the timing includes the line diff.
                        Comparison comparison = engine.compare(older, newer, path)
                                .placeRemovals(() -> LineMap.between(olderText.string(), text.string()));
                        long consumersFrom = System.nanoTime();
                        if (!consumers.isEmpty()) {
                            List<Finding> all = new ArrayList<>(comparison.findings());
                            all.addAll(engine.compareConsumers(consumers, olderText, older, text, newer, path)
                                    .findings());
                            comparison = comparison.withFindings(all);
                        }
                        long to = System.nanoTime();
                        consumerNanos.add(to - consumersFrom);
                        compareNanos.add(to - from);
                        return comparison;
                    }, pool));
                }
                previous = parsed;
                previousText = text;
                while (pending.size() > 2 * threads + 2) {
                    tally.add(pending.poll().join());
                }
            }
            while (!pending.isEmpty()) {
                tally.add(pending.poll().join());
            }
        } finally {
            pool.shutdownNow();
        }
        long end = System.nanoTime();

        PrintWriter err = spec.commandLine().getErr();
        parseErrors.values().forEach(problem -> err.println("uapiguard: " + problem));
        err.flush();
        out.printf("revisions: %d (%d did not parse), pairs compared: %d, pairs with breaking findings: %d%n",
                revisions.size(), parseErrors.size(), tally.pairs, tally.breakingPairs);
        out.printf("findings: %d breaking, %d warning, %d info%n", tally.count(Severity.BREAKING),
                tally.count(Severity.WARNING), tally.count(Severity.INFO));
        tally.byRule.forEach((rule, count) -> out.printf("  %-32s %d%n", rule, count));
        out.printf("in-process ms (%d thread%s): read %d, parse %d (%d headers), compare %d (%d pairs);"
                        + " wall %d, phases overlapping%n", threads, threads == 1 ? "" : "s",
                readNanos / 1_000_000, parseNanos.sum() / 1_000_000, revisions.size() - parseErrors.size(),
                compareNanos.sum() / 1_000_000, tally.pairs, (end - start) / 1_000_000);
        out.printf("consumers of the text: %d, in-process ms %d (part of compare)%n", consumers.list().size(),
                consumerNanos.sum() / 1_000_000);
        out.flush();
        return parseErrors.isEmpty() ? 0 : 2;
    }

    /** Counts of the comparisons, in history order. */
    private static final class Tally {
        final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        final Map<String, Integer> byRule = new TreeMap<>();
        int pairs;
        int breakingPairs;

        /** {@code comparison} is null for a pair with a side that did not parse. */
        void add(Comparison comparison) {
            if (comparison == null) {
                return;
            }
            pairs++;
            if (comparison.failsAt(Severity.BREAKING)) {
                breakingPairs++;
            }
            for (Finding f : comparison.findings()) {
                bySeverity.merge(f.severity(), 1, Integer::sum);
                byRule.merge(f.rule(), 1, Integer::sum);
            }
        }

        int count(Severity severity) {
            return bySeverity.getOrDefault(severity, 0);
        }
    }

    /** The revisions to read in order: their names, a reader of each text, and what closes their source. */
    private record Revisions(List<String> names, IntFunction<Consumers.Text> reader, Runnable closer)
            implements AutoCloseable {

        int size() {
            return names.size();
        }

        String name(int i) {
            return names.get(i);
        }

        /**
         * The text, decoded on the reading thread as a reader would, and its characters for the parser to read in
         * place (the consumers read both).
         */
        Consumers.Text read(int i) {
            return reader.apply(i);
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    private Revisions fileRevisions() {
        if (!Files.isDirectory(files)) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "not a directory: " + files);
        }
        List<Path> headers;
        try (Stream<Path> listing = Files.list(files)) {
            headers = listing.filter(f -> f.toString().endsWith(".h")).sorted().toList();
        } catch (IOException e) {
            throw cannotRead(e);
        }
        return new Revisions(headers.stream().map(Path::toString).toList(), i -> {
            try {
                return text(Files.readString(headers.get(i), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw cannotRead(e);
            }
        }, () -> { });
    }

    private UapiguardException cannotRead(IOException e) {
        return new UapiguardException(UapiguardException.Reason.BAD_INPUT,
                "cannot read the headers in " + files + ": " + e.getMessage(), e);
    }

    private Revisions gitRevisions() {
        GitHeaders git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""));
        List<FileRevision> history;
        try {
            history = git.history(this.revision, path);
        } catch (RuntimeException e) {
            git.close();
            throw e;
        }
        List<String> names = history.stream().map(r -> r.commit().abbreviate(12).name() + ":" + path).toList();
        return new Revisions(names, i -> text(git.readBlob(history.get(i).blob(), names.get(i))), git::close);
    }

    private static Consumers.Text text(String text) {
        return new Consumers.Text(text, text.toCharArray());
    }
}
