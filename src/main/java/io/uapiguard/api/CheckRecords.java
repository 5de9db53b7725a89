package io.uapiguard.api;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.CheckService.Outcome;
import io.uapiguard.store.CheckStore;
import io.uapiguard.store.CheckStore.StoredCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST checks kept for their pages: each answer is stored under its request's digest, found again while it is
 * younger than {@code uapiguard.checks.retention}, and swept once older. A store that cannot take a check costs only
 * the check's link: the check answers without it, and a warning is logged.
 */
public class CheckRecords {

    private static final Logger log = LoggerFactory.getLogger(CheckRecords.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    static final Duration REFRESH = Duration.ofHours(1);

    private final CheckStore store;
    private final Duration retention;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** How old a stored identical answer may be and still spare the write: an hour, or less for short retentions. */
    private final Duration refresh;

    public CheckRecords(CheckStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.refresh = retention.dividedBy(2).compareTo(REFRESH) < 0 ? retention.dividedBy(2) : REFRESH;
    }

    /**
     * Stores the check answered with {@code resultJson}; false, with a warning logged, when it was not stored. An
     * identical request whose answer is already stored, and younger than {@link #refresh}, is not written again:
     * a bot that repeats its check waits for no write (the retention then counts from at most that much earlier).
     */
    boolean save(Outcome outcome, String resultJson) {
        try {
            String excerpts = json.writeValueAsString(CheckExcerpts.of(outcome.comparison().findings(), outcome.path(),
                    outcome.candidateText(), outcome.baseText()));
            CheckStore.Stored stored = store.storeUnlessKept(new StoredCheck(outcome.digest(), outcome.repository(),
                    outcome.base().commitId(), outcome.base().tags().isEmpty() ? null : outcome.base().tags().get(0),
                    outcome.path(), outcome.comparison().verdict(), resultJson, excerpts, clock.instant()),
                    clock.instant().minus(refresh));
            if (stored == CheckStore.Stored.NO_REPOSITORY) {
                log.warn("check {} not stored (repository '{}' is no longer registered): answered without checkUrl",
                        outcome.digest(), outcome.repository());
                return false;
            }
            return true;
        } catch (DataAccessException e) {
            log.warn("check {} not stored, answered without checkUrl: {}", outcome.digest(),
                    e.getMostSpecificCause().toString());
            return false;
        } catch (UapiguardException e) {
            // The base's text for a removal's lines was not there to read: the answer itself stands.
            log.warn("check {} not stored, answered without checkUrl: {}", outcome.digest(), e.describe());
            return false;
        }
    }

    /** The stored check, unless unknown, malformed or older than the retention (swept or about to be). */
    public Optional<StoredCheck> find(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            return Optional.empty();
        }
        return store.find(digest, clock.instant().minus(retention));
    }

    /** The 404 of a check that is not (or no longer) kept. */
    public UapiguardException unknown(String id) {
        return new UapiguardException(Reason.NOT_FOUND, "no check " + quote(id) + ": unknown, or older than "
                + (retention.toSeconds() % 86_400 == 0 ? retention.toDays() + " days" : retention.toString())
                + " and swept (uapiguard.checks.retention)");
    }

    /** Deletes the checks older than the retention; how many. Runs in the background every sweep-interval. */
    @Scheduled(initialDelayString = "${uapiguard.checks.sweep-interval:1h}",
            fixedDelayString = "${uapiguard.checks.sweep-interval:1h}")
    public int sweep() {
        try {
            int swept = store.deleteCreatedBefore(clock.instant().minus(retention));
            if (swept > 0) {
                log.info("swept {} stored check(s) older than {}", swept, retention);
            }
            return swept;
        } catch (DataAccessException e) {
            // The next sweep takes them: the page of a check past its retention is already a 404.
            log.warn("stored checks not swept: {}", e.getMostSpecificCause().toString());
            return 0;
        }
    }
}
