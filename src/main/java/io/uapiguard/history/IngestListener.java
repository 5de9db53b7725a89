package io.uapiguard.history;

/** What an ingest reports while it runs: steps with a size, progress within a step, and warnings. */
public interface IngestListener {

    /** A listener that reports nothing. */
    IngestListener NONE = new IngestListener() {
    };

    /** A new step ("fetch", "walk", "parse", "record", "compare", "refs"); {@code total} units, 0 if unknown. */
    default void step(String step, int total) {
    }

    /** {@code done} units of the current step are finished. */
    default void progress(int done) {
    }

    /** Something the user should know that does not stop the ingest (a header that does not parse). */
    default void warn(String message) {
    }

    /** A line of information (what was found). */
    default void info(String message) {
    }

    /** The ingest waits for another one of the same repository to end (it holds the repository's lock). */
    default void waiting(String message) {
        info(message);
    }
}
