package io.uapiguard.store;

import io.uapiguard.compat.Comparison;
import io.uapiguard.git.PathGlob;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read side of the history store: everything the REST API and the web report ask of it. */
public interface HistoryQueries {

    /**
     * A registered repository. {@code mirrors}: the header copies it keeps in sync, as registered; null for the
     * default ({@link Mirror#KERNEL_TOOLS}).
     */
    record RepositoryInfo(String name, String location, String tagPattern, List<String> branches,
                          List<String> paths, Instant lastIngestAt, List<Mirror> mirrors) {

        /** A repository registered without mirrors: the default pairs apply. */
        public RepositoryInfo(String name, String location, String tagPattern, List<String> branches,
                              List<String> paths, Instant lastIngestAt) {
            this(name, location, tagPattern, branches, paths, lastIngestAt, null);
        }

        /** The watched paths and globs as a matcher. */
        public PathGlob watched() {
            return PathGlob.of(paths);
        }

        /** True when {@code path} is a header this repository watches (one of its paths, or a match of a glob). */
        public boolean watches(String path) {
            return watched().matches(path);
        }

        /**
         * The header a request that names none is about, among the headers {@code present} at a revision: the first
         * watched path when it is no glob, else bpf.h when present, else the first present header in path order.
         */
        public String primaryPath(Collection<String> present) {
            if (!PathGlob.isGlob(paths.get(0))) {
                return paths.get(0);
            }
            if (present.contains(UapiModel.DEFAULT_PATH)) {
                return UapiModel.DEFAULT_PATH;
            }
            return present.stream().sorted().findFirst().orElse(UapiModel.DEFAULT_PATH);
        }

        private static final Pattern URL_USERINFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)@");
        private static final Pattern SCP_PASSWORD = Pattern.compile("^[^/:@]+:[^/@]*@(.*)$");

        /**
         * As it may be shown to anyone: without the credentials a location registered from the command line may
         * carry (an https URL's user and password, an ssh URL's password; an ssh user name stays). The admin API
         * refuses them; the command line takes whatever URL fetches.
         */
        public RepositoryInfo shown() {
            String shown = withoutCredentials(location);
            return shown.equals(location) ? this
                    : new RepositoryInfo(name, shown, tagPattern, branches, paths, lastIngestAt, mirrors);
        }

        static String withoutCredentials(String location) {
            if (location == null) {
                return "";
            }
            Matcher url = URL_USERINFO.matcher(location);
            if (url.find()) {
                String user = url.group(2);
                boolean sshUser = url.group(1).equalsIgnoreCase("ssh") && user.indexOf(':') < 0;
                return url.group(1) + "://" + (sshUser ? user + "@" : "") + location.substring(url.end());
            }
            Matcher scp = SCP_PASSWORD.matcher(location);
            return scp.matches() ? scp.group(1) : location;
        }
    }

    /**
     * One recorded revision: a commit that changed a watched path, or that a tag points at.
     * {@code blobs} maps each watched path to its blob id; {@code reachable} is false once a force-push dropped it.
     */
    record RevisionInfo(String commitId, Instant committedAt, String author, String subject, List<String> tags,
                        Map<String, String> blobs, boolean reachable) {
    }

    /**
     * A tag in release order (oldest first) with the stored comparisons against the previous tag, over all its
     * headers: {@code verdict} "breaking", "warnings" or "compatible", the worst of its headers' (null for the first
     * tag, and while a changed header has no comparison by the current engine version stored); counts by severity,
     * summed; {@code helperCount} of the primary header's model ({@link RepositoryInfo#primaryPath}; null when it
     * did not parse), {@code parseError} otherwise; {@code headers}: the verdict of each header at this tag or the
     * previous one, in path order.
     */
    record TagInfo(String name, String commitId, Instant committedAt, String previousTag, String verdict,
                   int breaking, int warnings, int infos, Integer helperCount, String parseError,
                   List<HeaderVerdict> headers) {

        /** A tag whose headers are not listed one by one. */
        public TagInfo(String name, String commitId, Instant committedAt, String previousTag, String verdict,
                       int breaking, int warnings, int infos, Integer helperCount, String parseError) {
            this(name, commitId, committedAt, previousTag, verdict, breaking, warnings, infos, helperCount, parseError,
                    List.of());
        }

        public TagInfo {
            headers = List.copyOf(headers);
        }
    }

    /**
     * One header of a tag against the previous tag: {@code change} "unchanged", "changed", "added" or "removed";
     * {@code verdict} as {@link TagInfo#verdict} (an added header is compatible with one info, {@code header.added};
     * a removed one breaking, {@code header.removed}); {@code parseError} when its header at this tag did not parse.
     */
    record HeaderVerdict(String path, String change, String verdict, int breaking, int warnings, int infos,
                         String parseError) {
    }

    /**
     * One step in the life of a helper: the revision where it first appears ({@code kind} "added"), and each later
     * revision where its id or a documented signature changed ("id-changed", "signature-changed", "removed").
     */
    record HelperEvent(String kind, String commitId, Instant committedAt, List<String> tags, String firstTag,
                       Long id, String signature, String detail) {
    }

    List<RepositoryInfo> repositories();

    Optional<RepositoryInfo> repository(String name);

    /** Reachable and unreachable revisions, newest first. */
    List<RevisionInfo> revisions(String repository);

    /** Tags, oldest first. */
    List<TagInfo> tags(String repository);

    /** A tag name, a full or abbreviated commit id, or null for the newest reachable revision. */
    Optional<RevisionInfo> resolve(String repository, String revision);

    /** The stored model of {@code path} at {@code commitId}; empty when absent or when its header did not parse. */
    Optional<UapiModel> model(String repository, String commitId, String path);

    /** The stored text of {@code path} at {@code commitId}. */
    Optional<String> headerText(String repository, String commitId, String path);

    /**
     * The stored comparison of two revisions of {@code path} when ingest computed it with the engine version this
     * reader was made for (an empty one when both revisions hold the same text); empty when none is stored or the
     * stored one is stale. Throws NOT_FOUND when either revision has no {@code path}.
     */
    Optional<Comparison> storedComparison(String repository, String oldCommitId, String newCommitId, String path);

    /**
     * The stored model of {@code path} at {@code commitId}; NOT_FOUND when the revision has no {@code path},
     * PARSE_ERROR naming the parser's error when its header did not parse.
     */
    UapiModel parsedModel(String repository, String commitId, String path);

    /** The first tag that contains {@code commitId}, if any; for "first tag" columns. */
    Optional<String> firstTagContaining(String repository, String commitId);

    /** The timeline of one helper on {@code path}, oldest first; empty when the name never existed. */
    List<HelperEvent> helperTimeline(String repository, String helperName, String path);
}
