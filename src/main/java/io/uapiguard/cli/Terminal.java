package io.uapiguard.cli;

/** Whether output goes to a person: colour only on a TTY, and never when {@code NO_COLOR} is set (no-color.org). */
final class Terminal {

    private Terminal() {
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
