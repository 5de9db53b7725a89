package io.uapiguard.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.uapiguard.store.IngestRunStore.Run;
import java.time.Instant;

/**
 * An ingest run as the admin API shows it: {@code progress} while it runs, {@code summary} once it succeeded,
 * {@code error} (the HTTP status it maps to and what went wrong) once it failed or was abandoned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IngestRunView(long id, String repository, String state, String trigger, Instant queuedAt, Instant startedAt,
                     Instant finishedAt, Progress progress, @JsonRawValue String summary, Failure error) {

    /** The step under way (fetch, walk, parse, record, compare, refs) and how far it is; total 0 when unknown. */
    record Progress(String step, int done, int total) {
    }

    record Failure(int status, String detail) {
    }

    static final String ABANDONED = "the instance running this ingest stopped renewing it; the next ingest of the "
            + "repository takes over";

    static IngestRunView of(Run run) {
        Progress progress = "running".equals(run.state()) && run.step() != null
                ? new Progress(run.step(), run.stepDone(), run.stepTotal()) : null;
        Failure error = switch (run.state()) {
            case "failed" -> new Failure(run.errorStatus() == null ? 500 : run.errorStatus(), run.error());
            case "abandoned" -> new Failure(503, ABANDONED);
            default -> null;
        };
        return new IngestRunView(run.id(), run.repository(), run.state(), run.trigger(), run.queuedAt(),
                run.startedAt(), run.finishedAt(), progress, run.summaryJson(), error);
    }
}
