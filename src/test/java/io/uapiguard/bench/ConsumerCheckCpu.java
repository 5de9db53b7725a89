package io.uapiguard.bench;

import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.TreeJudge;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.model.UapiModel;
import io.uapiguard.patch.LineMap;
import io.uapiguard.policy.Policy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CPU of one REST check's own work, with and without the catalogue's consumers of the text, in one JVM (the
 * service's JIT): parse the posted header (as an edit of the base's text, as {@code api.CandidateTree} does), then
 * judge it against a stored base through {@link TreeJudge} as {@code api.CheckService} does (the base's model parsed
 * once, as the store keeps it), each check a new candidate (the newest revision with a comment of its own). Rounds
 * of {@code N} checks each way, interleaved check by check; the thread's CPU time per check, median of each round.
 * Two bases: the newest revision itself (the load benchmark's check) and the revision 20 before it (a real change:
 * 11 findings, the mapper and the helper docs changed).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.uapiguard.bench.ConsumerCheckCpu [N] [ROUNDS]</pre>
 */
public final class ConsumerCheckCpu {

    private ConsumerCheckCpu() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> texts = Corpus.require().texts();
        String path = Corpus.HEADER_PATH;
        HeaderParser parser = new HeaderParser();
        CompatEngine engine = CompatEngine.standard();
        String newest = texts.get(texts.size() - 1);
        TreeJudge without = new TreeJudge(engine, LineMap::between);
        TreeJudge with = new TreeJudge(engine, LineMap::between, List.of(new Consumers(Policy.catalogue())));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int back : new int[] {0, 20}) {
            String baseText = texts.get(texts.size() - 1 - back);
            UapiModel baseModel = parser.parse(path, baseText);
            TreeJudge.Tree base = tree(path, baseText, baseModel, null);
            for (int r = 0; r < rounds; r++) {
                long[][] cpu = new long[2][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 2; j++) {   // interleaved, check by check
                        TreeJudge judge = j == 0 ? without : with;
                        // Every check a new candidate, as a bot's are: nothing found ready from the check before.
                        String candidate = newest + "/* check " + r + "-" + i + "-" + j + " */\n";
                        long from = threads.getCurrentThreadCpuTime();
                        char[] posted = candidate.toCharArray();
                        UapiModel model = parser.parse(path, posted, IncludeSource.NONE,
                                new HeaderParser.Edited(candidate, baseText));
                        judge.judge(base, tree(path, candidate, model, posted), List.of(path), List.of());
                        cpu[j][i] = threads.getCurrentThreadCpuTime() - from;
                    }
                }
                Arrays.sort(cpu[0]);
                Arrays.sort(cpu[1]);
                System.out.printf("base newest-%d, round %d: without consumers %.3f ms, with %.3f ms (medians)%n", back,
                        r, cpu[0][n / 2] / 1e6, cpu[1][n / 2] / 1e6);
            }
        }
    }

    /** A tree of one header; {@code chars}: its characters as a posted header's tree holds them, or null. */
    private static TreeJudge.Tree tree(String path, String text, UapiModel model, char[] chars) {
        return new TreeJudge.Tree() {
            @Override
            public char[] chars(String p) {
                return p.equals(path) ? chars : null;
            }

            @Override
            public Optional<String> text(String p) {
                return p.equals(path) ? Optional.of(text) : Optional.empty();
            }

            @Override
            public UapiModel model(String p) {
                return model;
            }
        };
    }
}
