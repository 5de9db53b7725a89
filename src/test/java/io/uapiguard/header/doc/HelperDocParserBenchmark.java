package io.uapiguard.header.doc;

import io.uapiguard.corpus.Corpus;
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
 * HelperDocParser on the real header: the newest revision (286 KB), and all 408 revisions in a row.
 * Run from the checkout root (see docs/benchmarks.md, section "Helper documentation parser").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HelperDocParserBenchmark {

    private final HelperDocParser parser = new HelperDocParser();
    private String newest;
    private List<String> all;

    @Setup
    public void load() {
        all = Corpus.require().texts();
        newest = all.get(all.size() - 1);
    }

    @Benchmark
    public HelperDocParser.Result newestRevision() {
        return parser.scan(newest);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int wholeCorpus() {
        int docs = 0;
        for (String text : all) {
            docs += parser.scan(text).docs().size();
        }
        return docs;
    }
}
