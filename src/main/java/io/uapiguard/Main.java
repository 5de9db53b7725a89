package io.uapiguard;

import io.uapiguard.cli.UapiguardCommand;

/** Entry point of the jar: the CLI, whose {@code serve} command starts the Spring service. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // No Groovy here: picocli would otherwise look for groovy.lang.Closure at start, a class lookup that
        // misses and so opens every jar on the class path (a sixth of a CLI run's start-up).
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        int code = UapiguardCommand.run(args);
        if (code != UapiguardCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
