package io.uapiguard.policy;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.RuleCatalog;
import io.uapiguard.compat.Severity;
import io.uapiguard.consumer.Consumer;
import io.uapiguard.model.Mirror;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's policy: severity overrides by rule id and acceptances of findings, applied after the comparison (it
 * never hides a finding: accepted ones stay, marked accepted with their justification), and the header copies that
 * the change must keep in sync.
 */
public final class Policy {

    /** Attachment put on a finding that only an expired acceptance matched, naming its expiry date. */
    public static final String ACCEPTANCE_EXPIRED = "acceptance-expired";

    private static final Policy NONE = new Policy(Map.of(), List.of(), null, List.of());
    private static volatile List<Consumer> catalogue;

    private final Map<String, Severity> severities;
    private final List<Acceptance> acceptances;
    /** Null when the file does not say: the caller's default applies. */
    private final List<Mirror> mirrors;
    private final List<Consumer> consumers;

    Policy(Map<String, Severity> severities, List<Acceptance> acceptances, List<Mirror> mirrors,
           List<Consumer> consumers) {
        this.severities = Map.copyOf(severities);
        this.acceptances = List.copyOf(acceptances);
        this.mirrors = mirrors == null ? null : List.copyOf(mirrors);
        this.consumers = List.copyOf(consumers);
    }

    /**
     * The shipped catalogue of real consumers of bpf.h's text ({@code consumers.yml} beside this class, listed with
     * their sources and records in docs/consumers.md), read once by the same reader as a project's file.
     */
    public static List<Consumer> catalogue() {
        List<Consumer> c = catalogue;
        if (c == null) {
            try (InputStream in = Policy.class.getResourceAsStream(CATALOGUE)) {
                if (in == null) {
                    throw new UapiguardException(UapiguardException.Reason.INTERNAL, "no " + CATALOGUE + " in the build");
                }
                c = PolicyReader.read(CATALOGUE, new String(in.readAllBytes(), StandardCharsets.UTF_8)).consumers;
            } catch (IOException e) {
                throw new UapiguardException(UapiguardException.Reason.INTERNAL, "cannot read " + CATALOGUE, e);
            }
            catalogue = c;
        }
        return c;
    }

    static final String CATALOGUE = "consumers.yml";

    /** The project's own consumers ({@code consumers:}), empty when it lists none. */
    public List<Consumer> consumers() {
        return consumers;
    }

    /** What a check runs: the catalogue, then the project's own consumers. */
    public List<Consumer> consumersToRun() {
        List<Consumer> all = new ArrayList<>(catalogue());
        all.addAll(consumers);
        return List.copyOf(all);
    }

    /** No overrides, no acceptances. */
    public static Policy none() {
        return NONE;
    }

    /**
     * Reads a {@code .uapiguard.yml}.
     *
     * @throws UapiguardException BAD_INPUT naming the file and line when it is unreadable or malformed
     */
    public static Policy load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "no such config file", file.toString(), 0, 0, e);
        } catch (IOException e) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "cannot read config file: " + e.getMessage(),
                    file.toString(), 0, 0, e);
        }
        return PolicyReader.read(file.toString(), text);
    }

    /**
     * Reads the text of a {@code .uapiguard.yml} (one posted with a check, say); {@code file} names it in errors.
     *
     * @throws UapiguardException BAD_INPUT naming the file and line when it is malformed
     */
    public static Policy parse(String file, String text) {
        return PolicyReader.read(file, text);
    }

    public Map<String, Severity> severities() {
        return severities;
    }

    public List<Acceptance> acceptances() {
        return acceptances;
    }

    /**
     * The header copies to keep in sync, when the file has a {@code mirrors:} key (possibly empty, which turns the
     * check off); empty when it does not, and the repository's registered mirrors or {@link Mirror#KERNEL_TOOLS} apply.
     */
    public Optional<List<Mirror>> mirrors() {
        return Optional.ofNullable(mirrors);
    }

    /** The acceptances that no longer apply on {@code today}, for the CLI to say so. */
    public List<Acceptance> expired(LocalDate today) {
        return acceptances.stream().filter(a -> a.expiredOn(today)).toList();
    }

    /**
     * A new comparison where overridden rules carry their new severity and findings matched by a current
     * acceptance are marked accepted with its justification. Findings matched only by an expired acceptance
     * stay unaccepted and carry the {@value #ACCEPTANCE_EXPIRED} attachment. The order and the judged headers are kept.
     */
    public Comparison apply(Comparison comparison, LocalDate today) {
        List<Finding> out = new ArrayList<>(comparison.findings().size());
        for (Finding f : comparison.findings()) {
            Severity severity = severities.getOrDefault(f.rule(), f.severity());
            Optional<Acceptance> current = acceptances.stream()
                    .filter(a -> a.matches(f) && !a.expiredOn(today)).findFirst();
            Map<String, String> attachments = f.attachments();
            if (current.isEmpty()) {
                Optional<Acceptance> expired = acceptances.stream().filter(a -> a.matches(f)).findFirst();
                if (expired.isPresent()) {
                    attachments = new LinkedHashMap<>(attachments);
                    attachments.put(ACCEPTANCE_EXPIRED, expired.get().expires().toString());
                }
            }
            out.add(new Finding(f.rule(), severity, f.symbol(), f.message(), f.oldValue(), f.newValue(), f.location(),
                    attachments, f.accepted() || current.isPresent(),
                    current.map(Acceptance::justification).orElse(f.justification())));
        }
        return comparison.withFindings(out);
    }

    static boolean knownRule(String id) {
        return RuleCatalog.standard().find(id).isPresent();
    }
}
