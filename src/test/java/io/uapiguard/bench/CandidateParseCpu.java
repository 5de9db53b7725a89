package io.uapiguard.bench;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The front end's parse of a check's candidate as {@code bench/load.sh} sends them (the 20 newest revisions of bpf.h,
 * each with a comment of its own, against the revision before them as the base), from scratch and as an edit of the
 * base ({@link HeaderParser.Edited}: the shared lines' tokens taken from the base's), interleaved parse by parse in
 * one JVM so that the machine's drift falls on both alike. The thread's CPU time per parse, medians per round.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.uapiguard.bench.CandidateParseCpu [N] [ROUNDS]
 * </pre>
 */
public final class CandidateParseCpu {

    private CandidateParseCpu() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<String> texts = Corpus.require().texts();
        int newest = texts.size() - 1;
        String base = texts.get(newest - 20);
        HeaderParser parser = new HeaderParser();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long[][] cpu = new long[2][n];
            for (int i = 0; i < n; i++) {
                String candidate = texts.get(newest - i % 20) + "/* candidate " + r + "-" + i + " */\n";
                for (int way = 0; way < 2; way++) {
                    long from = threads.getCurrentThreadCpuTime();
                    char[] chars = candidate.toCharArray();
                    parser.parse(Corpus.HEADER_PATH, chars, IncludeSource.NONE,
                            way == 0 ? null : new HeaderParser.Edited(candidate, base));
                    cpu[way][i] = threads.getCurrentThreadCpuTime() - from;
                }
            }
            Arrays.sort(cpu[0]);
            Arrays.sort(cpu[1]);
            System.out.printf("round %d: from scratch %.3f ms, as an edit of the base %.3f ms (medians of %d)%n", r,
                    cpu[0][n / 2] / 1e6, cpu[1][n / 2] / 1e6, n);
        }
    }
}
