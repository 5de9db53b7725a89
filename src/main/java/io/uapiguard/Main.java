package io.uapiguard;

import io.uapiguard.cli.UapiguardCommand;

/** Entry point of the jar: the CLI, whose {@code serve} command starts the Spring service. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = UapiguardCommand.run(args);
        if (code != UapiguardCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
