package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Impact;
import io.uapiguard.compat.Severity;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.model.Mirror;
import io.uapiguard.output.RenderContext;
import io.uapiguard.output.Renderers;
import io.uapiguard.policy.Acceptance;
import io.uapiguard.policy.Policy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every comparing command shares (a picocli mixin): output format, failure threshold, policy file. */
final class ComparisonOptions {

    static final String DEFAULT_CONFIG = ".uapiguard.yml";
    static final List<String> FORMATS = List.of("text", "json", "sarif", "markdown", "junit");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = Formats.class)
    String format = "text";

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "breaking", converter = FailOnConverter.class,
            description = "Exit 1 when a finding that is not accepted is at least this severe: "
                    + "breaking, warning, info or never (default: ${DEFAULT-VALUE}); or, by what it breaks, when a "
                    + "warning or breaking finding's rule has at least this impact: abi, api or text.")
    FailOn failOn = FailOn.BREAKING;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file (severity overrides, acceptances). Default: " + DEFAULT_CONFIG
                    + " at the repository root, if present.")
    Path config;

    /** The policy: {@code --config} (which must exist), else {@value #DEFAULT_CONFIG} in {@code root} if present. */
    Policy policy(Path root) {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new UapiguardException(Reason.BAD_INPUT, "no such config file: " + config);
            }
            return Policy.load(config);
        }
        if (root != null && Files.isRegularFile(root.resolve(DEFAULT_CONFIG))) {
            return Policy.load(root.resolve(DEFAULT_CONFIG));
        }
        return Policy.none();
    }

    /**
     * The file pairs to keep in sync among {@code watched}: the policy's {@code mirrors:} when it has the key, else
     * {@link Mirror#KERNEL_TOOLS}.
     */
    List<Mirror> mirrors(Policy policy, List<String> watched) {
        return Mirror.filePairs(policy.mirrors().orElse(List.of(Mirror.KERNEL_TOOLS)), watched);
    }

    /** Applies the policy as of today, and says on {@code err} which acceptances have expired. */
    Comparison judge(Comparison comparison, Policy policy, PrintWriter err) {
        LocalDate today = LocalDate.now();
        for (Acceptance expired : policy.expired(today)) {
            err.println("uapiguard: warning: the acceptance of " + expired.rule() + " for " + expired.symbol()
                    + " (config line " + expired.line() + ") expired on " + expired.expires()
                    + " and no longer applies");
        }
        err.flush();
        return policy.apply(comparison, today);
    }

    String render(Comparison comparison, String oldLabel, String newLabel) {
        return render(comparison, oldLabel, newLabel, null);
    }

    /** Renders in {@code --format}; {@code source} (may be null) names the repository, path and base for SARIF. */
    String render(Comparison comparison, String oldLabel, String newLabel, RenderContext.Source source) {
        boolean colour = "text".equals(format) && Terminal.colour();
        return Renderers.forFormat(format).render(comparison,
                new RenderContext(oldLabel, newLabel, colour, null).with(source));
    }

    /**
     * What was compared in {@code git}: the repository by its directory's name and its {@code origin} URL (else
     * its directory as a file: URI), {@code path} (null for several), and the old side's commit.
     */
    static RenderContext.Source source(GitHeaders git, String path, ObjectId base) {
        Path dir = Path.of(git.describe()).toAbsolutePath().normalize();
        String origin = git.repository().getConfig().getString("remote", "origin", "url");
        String name = dir.getFileName() == null ? null : dir.getFileName().toString();
        return new RenderContext.Source(name, path, origin != null ? origin : dir.toUri().toString(),
                base == null ? null : base.name());
    }

    /** 1 when the judged comparison fails at {@code --fail-on}, else 0. */
    int exitCode(Comparison judged) {
        if (failOn.impact != null) {
            return judged.failsAt(failOn.impact) ? 1 : 0;
        }
        return failOn.threshold().map(t -> judged.failsAt(t) ? 1 : 0).orElse(0);
    }

    /** {@code --fail-on}: a severity, an impact, or never. */
    enum FailOn {
        BREAKING(Severity.BREAKING, null), WARNING(Severity.WARNING, null), INFO(Severity.INFO, null),
        ABI(null, Impact.ABI), API(null, Impact.API), TEXT(null, Impact.TEXT), NEVER(null, null);

        private final Severity threshold;
        private final Impact impact;

        FailOn(Severity threshold, Impact impact) {
            this.threshold = threshold;
            this.impact = impact;
        }

        Optional<Severity> threshold() {
            return Optional.ofNullable(threshold);
        }
    }

    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "expected breaking, warning, info or never, got '" + value + "' (or, by impact: abi, api, text)");
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String format = value.trim().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(format)) {
                throw new TypeConversionException(
                        "expected one of " + String.join(", ", FORMATS) + ", got '" + value + "'");
            }
            return format;
        }
    }

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.iterator();
        }
    }
}
