package io.uapiguard.cli;

import io.uapiguard.UapiguardApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Starts the REST API and web report; Spring options ({@code --server.port=8080}) pass through. */
@Command(name = "serve", description = "Run the service (REST API and web report).")
final class ServeCommand implements Callable<Integer> {

    @Unmatched
    private String[] springArgs = new String[0];

    @Override
    public Integer call() {
        UapiguardApplication.start(springArgs);
        return UapiguardCommand.KEEP_RUNNING;
    }
}
