package io.uapiguard.bench;

import io.uapiguard.consumer.Consumers;
import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.policy.Policy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's consumers of the text over the corpus history, as {@code uapiguard bench} runs them: every
 * consecutive pair of revisions, a new {@link Consumers} per round (nothing kept from the round before), the
 * models parsed once beforehand. Prints each round's thread CPU; the first rounds include the JIT's warm-up.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.uapiguard.bench.ConsumerWalkCpu [ROUNDS]</pre>
 */
public final class ConsumerWalkCpu {

    private ConsumerWalkCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> texts = Corpus.require().texts();
        HeaderParser parser = new HeaderParser();
        List<UapiModel> models = new ArrayList<>();
        List<Consumers.Text> sides = new ArrayList<>();
        for (String text : texts) {
            // The characters beside the string, as the bench holds them (it parses from them).
            sides.add(new Consumers.Text(text, text.toCharArray()));
            models.add(parser.parse(Corpus.HEADER_PATH, text));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            Consumers consumers = new Consumers(Policy.catalogue());
            long from = threads.getCurrentThreadCpuTime();
            int changes = 0;
            for (int i = 1; i < texts.size(); i++) {
                changes += consumers.changes(sides.get(i - 1), models.get(i - 1), sides.get(i), models.get(i)).size();
            }
            System.out.printf("round %d: %.1f ms thread CPU, %d changes%n", r,
                    (threads.getCurrentThreadCpuTime() - from) / 1e6, changes);
        }
    }
}
