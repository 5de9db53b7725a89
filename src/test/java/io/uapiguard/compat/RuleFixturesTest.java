package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uapiguard.UapiguardException;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.policy.Policy;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every rule, a pair of small headers under {@code compat/<rule-id>/} parsed by the real front end: every rule
 * runs on every pair and all hits must equal {@code expected.txt}; old-vs-old and new-vs-new give nothing. A rule
 * that judges a header and its copy ({@link Match.CopyPair}) reads its pair as original ({@code old.h}) and copy
 * ({@code new.h}) of one revision, besides the old/new comparison every pair gets; a rule that judges a header present
 * on one side only ({@link Match.HeaderAdded}, {@link Match.HeaderRemoved}) gets {@code new.h} as the added header,
 * {@code old.h} as the removed one.
 */
class RuleFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/compat");

    static List<Path> fixtureDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** "rule side:line" per non-comment line of expected.txt, sorted. */
    static List<String> expected(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("expected.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleOnEveryFixturePair() throws IOException {
        HeaderParser parser = new HeaderParser();
        return fixtureDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            UapiModel oldModel = parse(parser, dir.resolve("old.h"));
            UapiModel newModel = parse(parser, dir.resolve("new.h"));
            CompatEngine engine = CompatEngine.standard();
            assertThat(engine.compare(oldModel, oldModel, "old.h").findings()).as("old vs old").isEmpty();
            assertThat(engine.compare(newModel, newModel, "new.h").findings()).as("new vs new").isEmpty();
            List<Finding> findings = new ArrayList<>(engine.compare(oldModel, newModel, "new.h").findings());
            // The catalogue's consumers of the text run on every pair too (consumer.extraction-changed).
            Consumers consumers = new Consumers(Policy.catalogue());
            Consumers.Text oldHeader = Consumers.Text.of(Files.readString(dir.resolve("old.h")));
            Consumers.Text newHeader = Consumers.Text.of(Files.readString(dir.resolve("new.h")));
            assertThat(engine.compareConsumers(consumers, oldHeader, oldModel, oldHeader, oldModel, "old.h").findings())
                    .as("consumers old vs old").isEmpty();
            assertThat(engine.compareConsumers(consumers, newHeader, newModel, newHeader, newModel, "new.h").findings())
                    .as("consumers new vs new").isEmpty();
            findings.addAll(engine.compareConsumers(consumers, oldHeader, oldModel, newHeader, newModel, "new.h")
                    .findings());
            if (judgesCopies(dir.getFileName().toString())) {
                Mirror pair = new Mirror("old.h", "new.h");
                String oldText = Files.readString(dir.resolve("old.h"));
                String newText = Files.readString(dir.resolve("new.h"));
                assertThat(engine.compareCopies(pair, "new.h", oldText, oldModel, oldText, oldModel).findings())
                        .as("a copy alike its original").isEmpty();
                findings.addAll(engine.compareCopies(pair, "new.h", oldText, oldModel, newText, newModel).findings());
            }
            String rule = dir.getFileName().toString();
            if (judges(rule, Match.HeaderAdded.class)) {
                findings.addAll(engine.headerAdded("new.h", newModel).findings());
            }
            if (judges(rule, Match.HeaderRemoved.class)) {
                findings.addAll(engine.headerRemoved("old.h", oldModel).findings());
            }
            List<String> hits = findings.stream()
                    .map(f -> f.rule() + " " + f.attachments().get("side") + ":" + f.location().line())
                    .sorted().toList();
            assertThat(hits).as(dir + "/expected.txt").isEqualTo(expected(dir));
        }));
    }

    private static boolean judgesCopies(String ruleId) {
        return judges(ruleId, Match.CopyPair.class);
    }

    private static boolean judges(String ruleId, Class<?> match) {
        return RuleCatalog.standard().rules().stream()
                .anyMatch(r -> r.info().id().equals(ruleId) && r.judges() == match);
    }

    private static UapiModel parse(HeaderParser parser, Path file) throws IOException {
        try {
            return parser.parse(file.toString(), Files.readString(file));
        } catch (UapiguardException e) {
            // Until the front end of issue 2 is merged the parser refuses everything with INTERNAL; skip visibly then.
            assumeTrue(e.reason() != UapiguardException.Reason.INTERNAL, "header front end not available: " + e.getMessage());
            throw e;
        }
    }
}
