package io.uapiguard.history;

import io.uapiguard.model.Mirror;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.time.Duration;
import java.util.List;

/** The write side of the history: what the admin API and the {@code ingest} command ask of it. */
public interface HistoryAdmin {

    /**
     * A repository to register. {@code location}: a local path, a git bundle file, or an https/ssh URL;
     * {@code paths}: header paths or globs ({@link io.uapiguard.git.PathGlob}). Null {@code tagPattern},
     * {@code branches}, {@code paths} or {@code mirrors} take the defaults ({@code v*}, the default branch,
     * {@link io.uapiguard.git.PathGlob#UAPI_HEADERS} (every header under {@code include/uapi/}), and
     * {@link Mirror#KERNEL_TOOLS}: each {@code include/uapi/X}
     * with {@code tools/include/uapi/X} where both are watched).
     */
    record RepositorySpec(String name, String location, String tagPattern, List<String> branches,
                          List<String> paths, List<Mirror> mirrors) {

        /** A repository with the default mirrors. */
        public RepositorySpec(String name, String location, String tagPattern, List<String> branches,
                              List<String> paths) {
            this(name, location, tagPattern, branches, paths, null);
        }
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
