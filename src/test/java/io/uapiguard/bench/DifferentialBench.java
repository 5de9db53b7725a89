package io.uapiguard.bench;

import io.uapiguard.header.HeaderParser;
import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.model.Abi;
import io.uapiguard.oracle.Differential;
import io.uapiguard.oracle.Differential.HeaderResult;
import io.uapiguard.oracle.DifferentialReport;
import io.uapiguard.oracle.GccGroundTruth;
import io.uapiguard.oracle.GroundTruth;
import io.uapiguard.oracle.ModelFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The differential run of {@code bench/differential.sh}: every header under {@code --under} of an include tree,
 * modelled by uapiguard in this process and measured by gcc ({@link GccGroundTruth}), compared fact by fact; prints
 * the acceptance figures and both sides' times, and writes the report.
 */
@Command(name = "differential", mixinStandardHelpOptions = true,
        description = "Compare uapiguard's model of every header of an include tree with gcc's.")
public final class DifferentialBench implements Callable<Integer> {

    @Option(names = "--include-dir", defaultValue = "/usr/include", description = "The include tree (default ${DEFAULT-VALUE}).")
    private Path includeDir;

    @Option(names = "--under", defaultValue = "linux", description = "The headers below this folder of the tree (default ${DEFAULT-VALUE}).")
    private String under;

    @Option(names = "--out", defaultValue = "target/differential", description = "Where report.md and report.json go.")
    private Path out;

    @Option(names = "--cache", defaultValue = "target/differential-cache", description = "gcc's results per header content.")
    private Path cache;

    @Option(names = "--fresh", description = "Ask gcc again for every header (to measure its time), refreshing the cache.")
    private boolean fresh;

    @Option(names = "--jobs", defaultValue = "1", description = "Headers measured by gcc at a time (default 1).")
    private int jobs;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N headers in name order (0: all).")
    private int limit;

    @Option(names = "--no-includes", description = "Model each header without -I (every #include a gap).")
    private boolean noIncludes;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DifferentialBench()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String unavailable = GccGroundTruth.unavailable();
        if (unavailable != null) {
            System.err.println("differential: " + unavailable + " (apt-get install gcc libc6-dev llvm linux-libc-dev)");
            return 2;
        }
        List<String> headers = headers();
        System.out.printf("== machine: %d cores, load %s; %d headers under %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(), headers.size(), includeDir.resolve(under));

        // uapiguard: the front end alone first (a fresh JVM's first pass), then the CLI, whose JSON gives the facts.
        Map<String, String> texts = new LinkedHashMap<>();
        for (String h : headers) {
            texts.put(h, new String(Files.readAllBytes(includeDir.resolve(h)), StandardCharsets.UTF_8));
        }
        int parsed = 0;
        // gcc's own search: the system's directories (multiarch asm/, gcc's limits.h) for the system tree.
        List<Path> modelIncludes = noIncludes ? List.of()
                : includeDir.equals(Path.of("/usr/include")) ? IncludeDirectories.system(Abi.X86_64) : List.of(includeDir);
        long start = System.nanoTime();
        HeaderParser parser = new HeaderParser(new IncludeDirectories(modelIncludes));
        for (Map.Entry<String, String> e : texts.entrySet()) {
            try {
                parser.parse(includeDir.resolve(e.getKey()).toString(), e.getValue());
                parsed++;
            } catch (RuntimeException | StackOverflowError ex) {
                // counted through the CLI below, with its message
            }
        }
        long parse = System.nanoTime() - start;
        Map<String, ModelFacts> models = new LinkedHashMap<>();
        start = System.nanoTime();
        for (String h : headers) {
            models.put(h, ModelFacts.of(includeDir.resolve(h), modelIncludes));
        }
        long cli = System.nanoTime() - start;
        System.out.printf("uapiguard: front end %.2f s (%d of %d parsed), CLI model + JSON %.2f s%n", parse / 1e9,
                parsed, headers.size(), cli / 1e9);

        // gcc: jobs headers at a time.
        GccGroundTruth gcc = new GccGroundTruth(includeDir, cache, fresh);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<GccGroundTruth.Answer>> futures = new ArrayList<>();
        start = System.nanoTime();
        for (String h : headers) {
            futures.add(pool.submit(() -> gcc.answer(h)));
        }
        List<HeaderResult> results = new ArrayList<>();
        Map<String, String> notCompiling = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        long dwarf = 0;
        long defines = 0;
        int measured = 0;
        int cached = 0;
        for (int i = 0; i < headers.size(); i++) {
            GccGroundTruth.Answer answer;
            try {
                answer = futures.get(i).get();
            } catch (ExecutionException e) {
                failures.put(headers.get(i), String.valueOf(e.getCause()));
                continue;
            }
            GroundTruth truth = answer.truth();
            if (answer.cached()) {
                cached++;
            } else {
                measured++;
                dwarf += truth.dwarfNanos();
                defines += truth.definesNanos();
            }
            if (truth.compiles()) {
                results.add(Differential.compare(truth, models.get(headers.get(i))));
            } else {
                notCompiling.put(truth.header(), truth.error());
            }
        }
        long gccWall = System.nanoTime() - start;
        pool.shutdown();

        DifferentialReport report = new DifferentialReport(includeDir.toString(), gcc.tools(),
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"),
                results, notCompiling, failures,
                new DifferentialReport.Timing(parse, cli, gccWall, dwarf, defines, measured, cached, jobs));
        report.write(out);
        System.out.print(report.summary());
        System.out.println("report: " + out.resolve("report.md") + ", " + out.resolve("report.json"));
        return 0;
    }

    private List<String> headers() throws IOException {
        Path root = includeDir.resolve(under);
        try (Stream<Path> files = Files.walk(root)) {
            Stream<String> names = files.filter(p -> p.toString().endsWith(".h") && Files.isRegularFile(p))
                    .map(p -> includeDir.relativize(p).toString().replace('\\', '/')).sorted();
            return (limit > 0 ? names.limit(limit) : names).toList();
        }
    }
}
