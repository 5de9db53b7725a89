package io.uapiguard.cli;

import io.uapiguard.UapiguardApplication;
import io.uapiguard.history.IngestRuns;
import io.uapiguard.history.Registrations;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Starts the REST API and web report; Spring options ({@code --server.port=8080}) pass through. */
@Command(name = "serve", description = "Run the service (REST API and web report).",
        footer = {"", "Any other --name=value option is a Spring property, e.g. --server.port=9090.", "",
            "Example:", "  uapiguard serve --ingest ../shared/corpus/bpf-uapi-history.bundle",
            "  then open http://localhost:8080/report"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--ingest", paramLabel = "PATH|BUNDLE|URL",
            description = "Ingest this repository in the background once the service is up (registered on first use "
                    + "under a name derived from it, as 'uapiguard ingest' does); repeatable.")
    List<String> ingest = new ArrayList<>();

    @Unmatched
    private String[] springArgs = new String[0];

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // A location that cannot be ingested is refused before the service (and its database) starts.
        ingest.forEach(Registrations::checkLocation);
        ConfigurableApplicationContext context = UapiguardApplication.start(springArgs);
        try {
            submitIngests(context);
        } catch (RuntimeException e) {
            // Registering failed after all (e.g. the name is taken by another location): stop rather than serve without it.
            context.close();
            throw e;
        }
        return UapiguardCommand.KEEP_RUNNING;
    }

    /** Registers each {@code --ingest} location (or finds it) and queues its ingest as the admin API would. */
    private void submitIngests(ConfigurableApplicationContext context) {
        if (ingest.isEmpty()) {
            return;
        }
        Registrations registrations = context.getBean(Registrations.class);
        IngestRuns runs = context.getBean(IngestRuns.class);
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        PrintWriter out = spec.commandLine().getOut();
        for (String location : ingest) {
            RepositoryInfo repo = registrations.resolveOrRegister(location, null);
            // Recorded as an "api" run: the admin API's request made from the command line (runs' triggers are api|poll).
            long run = runs.submit(repo.name(), "api").run().id();
            out.printf("uapiguard: ingesting %s as '%s' in the background (run %d): http://localhost:%s/report/%s%n",
                    location, repo.name(), run, port, repo.name());
        }
        out.flush();
    }
}
