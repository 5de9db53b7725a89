package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.git.PathGlob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code uapiguard hook pre-push REMOTE [URL]}, run by git: reads one line per pushed ref from stdin and compares the
 * guarded headers at what the remote has (or, for a new branch, at the fork point) with what is being pushed.
 */
@Command(name = "pre-push",
        description = "Run by git's pre-push hook: reads '<local ref> <local sha> <remote ref> <remote sha>' "
                + "lines from stdin; exits 1 to block a push that breaks a guarded header.")
final class PrePushCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote's name (or its URL when it has none).")
    String remote;

    @Parameters(index = "1", paramLabel = "URL", arity = "0..1", description = "The remote's URL.")
    String url;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = PathGlob.UAPI_HEADERS,
            description = "Header path or glob to guard; repeatable (default: ${DEFAULT-VALUE}, every UAPI header).")
    List<String> paths = new ArrayList<>(List.of(PathGlob.UAPI_HEADERS));

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The git repository (default: the one git runs the hook in).")
    Path repo;

    @Mixin
    ComparisonOptions options;

    @Spec
    CommandSpec spec;

    /** One line of git's pre-push input. */
    record RefUpdate(String localRef, String localSha, String remoteRef, String remoteSha) {

        boolean deletesRef() {
            return isZero(localSha);
        }

        boolean createsRef() {
            return isZero(remoteSha);
        }

        private static boolean isZero(String sha) {
            return sha.chars().allMatch(c -> c == '0');
        }

        static RefUpdate parse(String line, int number) {
            String[] words = line.trim().split("\\s+");
            if (words.length != 4 || !isObjectId(words[1]) || !isObjectId(words[3])) {
                throw new UapiguardException(Reason.BAD_INPUT, "pre-push input line " + number + ": expected "
                        + "'<local ref> <local sha> <remote ref> <remote sha>', got '" + line + "'");
            }
            return new RefUpdate(words[0], words[1], words[2], words[3]);
        }

        /** 40 hex digits in a SHA-1 repository, 64 in a SHA-256 one ({@code git init --object-format=sha256}). */
        private static boolean isObjectId(String word) {
            return word.matches("[0-9a-f]{40}|[0-9a-f]{64}");
        }

        boolean usesSha256() {
            return localSha.length() == 64 || remoteSha.length() == 64;
        }
    }

    @Override
    public Integer call() {
        // The work lives in PrePushCheck: picocli reflects over this class's methods, and JGit types in their
        // signatures would load (and signature-check) the JGit jar for every command, not only this one.
        return new PrePushCheck(repo, remote, paths, options, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(readUpdates());
    }

    private List<RefUpdate> readUpdates() {
        List<RefUpdate> updates = new ArrayList<>();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    updates.add(RefUpdate.parse(line, number));
                }
            }
        } catch (IOException e) {
            throw new UapiguardException(Reason.BAD_INPUT, "cannot read git's pre-push input: " + e.getMessage(), e);
        }
        return updates;
    }
}
