package io.uapiguard.compat;

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
 * The compatibility engine alone, on models parsed once: the newest pair of the real header, and all 407
 * consecutive pairs in a row. Run from the checkout root (docs/benchmarks.md, section "Compatibility engine").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompatEngineBenchmark {

    private final CompatEngine engine = CompatEngine.standard();
    private List<UapiModel> models;

    @Setup
    public void parse() {
        HeaderParser parser = new HeaderParser();
        models = Corpus.require().revisions().stream().map(r -> parser.parse(r.commit().name(), r.text())).toList();
    }

    @Benchmark
    public Comparison newestPair() {
        return engine.compare(models.get(models.size() - 2), models.get(models.size() - 1), Corpus.HEADER_PATH);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int everyConsecutivePair() {
        int findings = 0;
        for (int i = 0; i + 1 < models.size(); i++) {
            findings += engine.compare(models.get(i), models.get(i + 1), Corpus.HEADER_PATH).findings().size();
        }
        return findings;
    }
}
