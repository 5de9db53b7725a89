package io.uapiguard.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.pp.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Feeds mutated fixture headers (byte flips, spliced C and preprocessor fragments, deleted and duplicated
 * ranges: recursion, blow-ups, unbalanced brackets and directives) to the front end for a bounded time.
 * It may reject them, but only with its own PARSE_ERROR or LIMIT_EXCEEDED, and never run past its time budget.
 * Seeded: a failure names the seed and iteration and leaves the input in {@code target/fuzz-failure.h}.
 */
@Execution(ExecutionMode.CONCURRENT)
class HeaderParserFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 0x5EED_2026L);
    private static final Duration RUN_FOR = Duration.ofSeconds(12);
    private static final Limits LIMITS = new Limits(1 << 20, 64, 200_000, Duration.ofSeconds(2));
    /** Time over the budget allowed for checking the clock only every few thousand tokens, on a busy machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private static final String[] FRAGMENTS = {
        "#define ", "#undef ", "#if ", "#ifdef ", "#ifndef ", "#elif ", "#else\n", "#endif\n", "#include <x.h>\n",
        "\n#define A A B\n", "\n#define B A\n", "\n#define F(x, y...) F(x ## y, #x, ##y)\n", "\n#define G(...) __VA_ARGS__ G\n",
        "##", "#", "(", ")", "{", "}", "[", "]", ";", ",", ":", "=", "/*", "*/", "//", "\\\n", "\n", "\"", "'",
        "enum ", "struct ", "union ", "typedef ", "__attribute__((aligned(8))) ", "__attribute__((packed))",
        "FN(", "__BPF_FUNC_MAPPER", "___BPF_FUNC_MAPPER(FN, ctx...)", "BPF_FUNC_", "__u64 :64;", "[]", "1ULL << 63",
        "0x", "-", "<<", "?", "defined(", "A", "F(", "G(", "x", "0", "99999999999999999999", "\u0000", "\uFFFD",
    };

    @Test
    void mutatedHeadersOnlyEverFailWithTheFrontEndsOwnErrors() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String dir : List.of("model", "records", "expand")) {
            for (Path p : Fixtures.headers(dir)) {
                seeds.add(Fixtures.text(p));
            }
        }
        Random random = new Random(SEED);
        HeaderParser parser = new HeaderParser(LIMITS);
        long end = System.nanoTime() + RUN_FOR.toNanos();
        int iterations = 0;
        int accepted = 0;
        int rejected = 0;
        while (System.nanoTime() < end) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long start = System.nanoTime();
            try {
                parser.parse("fuzz.h", input);
                accepted++;
            } catch (UapiguardException e) {
                assertThat(e.reason()).as("reason at iteration %d", iterations)
                        .isIn(UapiguardException.Reason.PARSE_ERROR, UapiguardException.Reason.LIMIT_EXCEEDED);
                assertThat(e.file()).as("file of %s", e.describe()).isEqualTo("fuzz.h");
                rejected++;
            } catch (Throwable t) {
                Files.writeString(Path.of("target", "fuzz-failure.h"), input, StandardCharsets.UTF_8);
                fail("seed " + SEED + ", iteration " + iterations + ": " + t + " (input in target/fuzz-failure.h)", t);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(LIMITS.timeBudget().plus(SLACK)) > 0) {
                Files.writeString(Path.of("target", "fuzz-failure.h"), input, StandardCharsets.UTF_8);
                fail("seed " + SEED + ", iteration " + iterations + " took " + took.toMillis() + " ms");
            }
            iterations++;
        }
        assertThat(iterations).as("mutants tried").isGreaterThan(100);
        assertThat(accepted).as("mutants accepted").isPositive();
        assertThat(rejected).as("mutants rejected").isPositive();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) random.nextInt(128));
                    }
                }
                case 2 -> {
                    int len = Math.min(s.length() - at, random.nextInt(40));
                    s.delete(at, at + len);
                }
                case 3 -> {
                    int len = Math.min(s.length() - at, random.nextInt(200));
                    String range = s.substring(at, at + len);
                    int copies = 1 + random.nextInt(4);
                    for (int c = 0; c < copies; c++) {
                        s.insert(at, range);
                    }
                }
                default -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)].repeat(1 + random.nextInt(300)));
            }
        }
        return s.toString();
    }
}
