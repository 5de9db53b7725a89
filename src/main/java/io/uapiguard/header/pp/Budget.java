package io.uapiguard.header.pp;

import io.uapiguard.UapiguardException;

/** The {@link Limits} of one parse, as a running account: produced tokens and the deadline. */
public final class Budget {

    private final Limits limits;
    private final String file;
    private final long deadline;
    private int produced;

    public Budget(Limits limits, String file) {
        this.limits = limits;
        this.file = file;
        this.deadline = System.nanoTime() + limits.timeBudget().toNanos();
    }

    /** The parsed header's name. */
    public String file() {
        return file;
    }

    public Limits limits() {
        return limits;
    }

    /** Accounts for {@code n} new tokens; checks the clock now and then. */
    void produced(int n, PpToken at) {
        int before = produced;
        produced += n;
        if (produced > limits.maxTokens() || produced < 0) {
            throw exceeded("macro expansion produced more than " + limits.maxTokens() + " tokens", at);
        }
        if ((before >>> 12) != (produced >>> 12)) {
            checkTime(at);
        }
    }

    /** Gives back {@code n} tokens {@link #produced} by an expansion the front end did for its own ends, again. */
    void giveBack(int n) {
        produced -= n;
    }

    /** Whether {@code n} more tokens read from the text stay within the bound ({@link #lexed} would not throw). */
    boolean fits(int n) {
        return (long) produced + n <= limits.maxTokens();
    }

    /** {@link #lexed} of {@code n} tokens at once, which {@link #fits}: a similar text's, taken rather than lexed. */
    void lexed(int n, PpToken at) {
        int before = produced;
        produced += n;
        if ((before >>> 12) != (produced >>> 12)) {
            checkTime(at);
        }
    }

    /** The tokens accounted for so far, read and produced. */
    int used() {
        return produced;
    }

    /** Accounts for one token read from the text: it is held until the parse ends, as expanded ones are. */
    void lexed(PpToken at) {
        if (++produced > limits.maxTokens() || produced < 0) {
            throw exceeded("the header has more than " + limits.maxTokens()
                    + " tokens, counting those that macro expansion produces", at);
        }
        if ((produced & 0xFFF) == 0) {
            checkTime(at);
        }
    }

    public void checkTime(PpToken at) {
        if (System.nanoTime() - deadline > 0) {
            throw exceeded("parsing took longer than " + limits.timeBudget().toMillis() + " ms", at);
        }
    }

    public void checkDepth(int depth, String what, PpToken at) {
        if (depth > limits.maxDepth()) {
            throw exceeded(what + " nested deeper than " + limits.maxDepth(), at);
        }
    }

    public UapiguardException exceeded(String message, PpToken at) {
        // Reported where the file's text invokes the expansion that tripped the limit.
        return new UapiguardException(UapiguardException.Reason.LIMIT_EXCEEDED, message,
                at == null || at.expansionFile == null ? file : at.expansionFile, at == null ? 0 : at.expansionLine, at == null ? 0 : at.expansionColumn + 1, null);
    }
}
