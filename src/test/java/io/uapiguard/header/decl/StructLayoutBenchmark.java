package io.uapiguard.header.decl;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.lex.DeclarationParser;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.model.Abi;
import io.uapiguard.model.StructDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
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
 * StructLayout alone: every named struct and union of the newest corpus revision (the front end's RecordDecls,
 * built once in setup), laid out by a fresh instance per operation as HeaderParser does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StructLayoutBenchmark {

    private DeclarationBuilder.Declarations decls;

    @Setup
    public void load() {
        List<Corpus.Revision> revisions = Corpus.require().revisions();
        String text = revisions.get(revisions.size() - 1).text();
        Budget budget = new Budget(Limits.DEFAULT, "bpf.h");
        List<PpToken> tokens = new Preprocessor("bpf.h", budget, Abi.X86_64).run(text).tokens();
        DeclarationParser parser = new DeclarationParser(new CommonTokenStream(new ListTokenSource(tokens)));
        decls = new DeclarationBuilder("bpf.h", budget, Abi.X86_64, tokens).build(parser.translationUnit());
    }

    @Benchmark
    public List<StructDecl> newestRevision() {
        StructLayout layout = new StructLayout(Abi.X86_64, decls.recordsByTag(), decls.typedefs());
        List<StructDecl> out = new ArrayList<>(decls.records().size());
        for (RecordDecl r : decls.records()) {
            out.add(layout.layout(r));
        }
        return out;
    }
}
