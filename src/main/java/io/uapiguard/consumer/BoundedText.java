package io.uapiguard.consumer;

/**
 * A window of a text that {@link java.util.regex} reads through, counting every character it reads against a
 * budget shared by all windows of one run: past the count, or past the deadline (looked at every few thousand
 * reads), {@link #charAt} throws {@link Exceeded}. A regex that backtracks without end is stopped this way, since
 * java.util.regex cannot be interrupted otherwise. Not thread-safe: one per run.
 */
final class BoundedText implements CharSequence {

    /** Thrown out of the regex engine when the budget is spent; the caller says which consumer and regex. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** What one run may read: characters and wall-clock time. */
    static final class Budget {
        private final long maxReads;
        private final long deadline;
        private final long millis;
        private long reads;
        private long nextClock = 4096;

        Budget(long maxReads, long millis) {
            this.maxReads = maxReads;
            this.millis = millis;
            this.deadline = System.nanoTime() + millis * 1_000_000;
        }

        /** The characters read so far. */
        long reads() {
            return reads;
        }

        void read() {
            if (++reads >= nextClock) {
                if (reads > maxReads) {
                    throw new Exceeded("read more than " + maxReads + " characters");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new Exceeded("ran longer than " + millis + " ms");
                }
                nextClock = reads + 4096;
            }
        }
    }

    private final String text;
    private final Budget budget;
    private int start;
    private int end;

    BoundedText(String text, Budget budget) {
        this(text, budget, 0, text.length());
    }

    private BoundedText(String text, Budget budget, int start, int end) {
        this.text = text;
        this.budget = budget;
        this.start = start;
        this.end = end;
    }

    /** Moves this window to {@code [from, to)} of the text, for the next match (no allocation per line). */
    BoundedText window(int from, int to) {
        this.start = from;
        this.end = to;
        return this;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        budget.read();
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new BoundedText(text, budget, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
