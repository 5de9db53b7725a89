package io.uapiguard.bench;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole front end ({@link HeaderParser#parse}: lex, preprocess, parse, evaluate, lay out, docs, problems)
 * on the real header. Goals: the newest revision (286 KB) in at most 5 ms median warm; all 408 revisions in
 * one process in at most 1.5 s, measured from a fresh JVM ({@link #wholeCorpusFreshJvm}).
 * Run from the checkout root; the command and figures are in docs/benchmarks.md, section "Front end".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeaderParseBenchmark {

    private final HeaderParser parser = new HeaderParser();
    private String newest;
    private List<String> all;

    @Setup
    public void load() {
        all = Corpus.require().texts();
        newest = all.get(all.size() - 1);
    }

    @Benchmark
    public UapiModel newestRevision() {
        return parser.parse("bpf.h", newest);
    }

    @Benchmark
    public int wholeCorpusWarm() {
        int helpers = 0;
        for (String text : all) {
            helpers += parser.parse("bpf.h", text).helpers().size();
        }
        return helpers;
    }

    /**
     * Without JMH: the first pass over all revisions in this fresh JVM, then the newest revision repeatedly, each
     * timed by wall clock and by this thread's CPU time. On a machine shared with other builds, CPU time shows
     * what the parse costs when it has a core to itself; wall time shows what it got.
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> all = Corpus.require().texts();
        HeaderParser parser = new HeaderParser();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (String text : all) {
            parser.parse("bpf.h", text);
        }
        System.out.printf("first pass, %d revisions: wall %d ms, cpu %d ms%n", all.size(),
                (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        String newest = all.get(all.size() - 1);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long[] wallNs = new long[runs];
        long[] cpuNs = new long[runs];
        for (int i = 0; i < runs; i++) {
            long w = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            parser.parse("bpf.h", newest);
            cpuNs[i] = threads.getCurrentThreadCpuTime() - c;
            wallNs[i] = System.nanoTime() - w;
        }
        // The second half is warm.
        long[] w = java.util.Arrays.copyOfRange(wallNs, runs / 2, runs);
        long[] c = java.util.Arrays.copyOfRange(cpuNs, runs / 2, runs);
        java.util.Arrays.sort(w);
        java.util.Arrays.sort(c);
        System.out.printf("newest revision, warm, %d runs: wall median %.2f ms p90 %.2f ms; cpu median %.2f ms p90 %.2f ms%n",
                w.length, w[w.length / 2] / 1e6, w[w.length * 9 / 10] / 1e6, c[c.length / 2] / 1e6, c[c.length * 9 / 10] / 1e6);
        wall = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        for (String text : all) {
            parser.parse("bpf.h", text);
        }
        System.out.printf("warm pass, %d revisions: wall %d ms, cpu %d ms%n", all.size(),
                (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }

    /** The 408 revisions once each in a JVM that has parsed nothing before: what a one-shot CLI run pays. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public int wholeCorpusFreshJvm() {
        return wholeCorpusWarm();
    }
}
