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
        all = Corpus.require().revisions().stream().map(Corpus.Revision::text).toList();
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
