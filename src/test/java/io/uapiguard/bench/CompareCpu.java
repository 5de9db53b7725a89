package io.uapiguard.bench;

import io.uapiguard.compat.CompatEngine;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.model.UapiModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison of a check's candidate with its base as the service makes it: the base's model read from its
 * stored JSON (as the service reads it from the database, once, and keeps it), each candidate's model fresh from
 * the front end, parsed as an edit of the base outside the timing (the benchmark's candidates: the 20 newest
 * revisions of bpf.h, each with a comment of its own, against the revision before them), so that no index of an
 * earlier comparison is found ready. The thread's CPU time per comparison, medians per round.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.uapiguard.bench.CompareCpu [N] [ROUNDS]
 * </pre>
 */
public final class CompareCpu {

    private CompareCpu() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<String> texts = Corpus.require().texts();
        int newest = texts.size() - 1;
        JsonMapper json = JsonMapper.builder().build();
        HeaderParser parser = new HeaderParser();
        String baseText = texts.get(newest - 20);
        UapiModel base = json.readValue(json.writeValueAsString(parser.parse(Corpus.HEADER_PATH, baseText)),
                UapiModel.class);
        CompatEngine engine = CompatEngine.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int findings = 0;
        for (int r = 0; r < rounds; r++) {
            long[] cpu = new long[n];
            for (int i = 0; i < n; i++) {
                String text = texts.get(newest - i % 20) + "/* candidate " + r + "-" + i + " */\n";
                UapiModel candidate = parser.parse(Corpus.HEADER_PATH, text.toCharArray(), IncludeSource.NONE,
                        new HeaderParser.Edited(text, baseText));
                long from = threads.getCurrentThreadCpuTime();
                findings += engine.compare(base, candidate, Corpus.HEADER_PATH).findings().size();
                cpu[i] = threads.getCurrentThreadCpuTime() - from;
            }
            Arrays.sort(cpu);
            System.out.printf("round %d: compare %.3f ms (median of %d), p90 %.3f ms%n", r, cpu[n / 2] / 1e6, n,
                    cpu[n * 9 / 10] / 1e6);
        }
        System.out.println("findings " + findings);
    }
}
