package io.uapiguard.history;

import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.time.Duration;
import java.util.List;

/** The write side of the history: what the admin API and the {@code ingest} command ask of it. */
public interface HistoryAdmin {

    /**
     * A repository to register. {@code location}: a local path, a git bundle file, or an https/ssh URL.
     * Null {@code tagPattern}, {@code branches} or {@code paths} take the defaults
     * ({@code v*}, the default branch, {@code include/uapi/linux/bpf.h}).
     */
    record RepositorySpec(String name, String location, String tagPattern, List<String> branches,
                          List<String> paths) {
    }

    /** What one ingest did. */
    record IngestSummary(String repository, int revisionsSeen, int newRevisions, int blobsParsed,
                         int parseErrors, int comparisonsStored, int markedUnreachable, Duration took) {
    }

    /** Registers or updates a repository; BAD_INPUT with a clear message when the spec is unusable. */
    RepositoryInfo register(RepositorySpec spec);

    /** Ingests what is new in a registered repository; NOT_FOUND when the name is unknown. */
    IngestSummary ingest(String repository);
}
