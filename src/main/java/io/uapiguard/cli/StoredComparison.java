package io.uapiguard.cli;

import io.uapiguard.history.Registrations;
import io.uapiguard.history.StoredComparisons;
import io.uapiguard.store.Database;

/** {@code diff --tags}: the comparison of two stored revisions, header by header. Kept apart so that file diffs never load the store. */
final class StoredComparison {

    private StoredComparison() {
    }

    /** {@code repository}: a registered name, or the location it was ingested from. */
    static StoredComparisons.TreeComparison of(DatabaseOptions options, String repository, String oldRevision,
                                               String newRevision) {
        try (Database db = options.open()) {
            String name = new Registrations(db.dataSource()).resolve(repository).name();
            return StoredComparisons.over(db.dataSource()).compare(name, oldRevision, newRevision);
        }
    }
}
