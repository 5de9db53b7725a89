package io.uapiguard.api;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.TreeJudge;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries.RevisionInfo;
import io.uapiguard.store.ModelCache;
import java.util.Map;
import java.util.Optional;

/** A check's base: the watched headers of a stored revision, texts from the store and models parsed at ingest. */
final class StoredTree implements TreeJudge.Tree {

    private final ModelCache models;
    private final String repository;
    private final String commitId;
    private final Map<String, String> blobs;
    private final String label;

    /** {@code revision}'s stored headers; {@code label} names it in errors. */
    StoredTree(ModelCache models, String repository, RevisionInfo revision, String label) {
        this.models = models;
        this.repository = repository;
        this.commitId = revision.commitId();
        this.blobs = revision.blobs();
        this.label = label;
    }

    /** The blob id of {@code path} in this revision, or null when it has none. */
    String blob(String path) {
        return blobs.get(path);
    }

    @Override
    public Optional<String> text(String path) {
        return models.text(repository, commitId, path);   // kept there for every check against this base
    }

    /** The text of a path the check needs, NOT_FOUND when the revision does not have it. */
    String requireText(String path) {
        return text(path).orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND,
                path + " is not stored at " + label));
    }

    /** The model of {@code path}: NOT_FOUND when the revision has no such header, PARSE_ERROR when it did not parse. */
    @Override
    public UapiModel model(String path) {
        if (!blobs.containsKey(path)) {
            throw new UapiguardException(Reason.NOT_FOUND, path + " does not exist at " + label);
        }
        return models.model(repository, commitId, path).orElseThrow(() -> new UapiguardException(
                Reason.PARSE_ERROR, "the stored header " + path + " at " + label
                        + " has no model (it did not parse at ingest); choose another base"));
    }
}
