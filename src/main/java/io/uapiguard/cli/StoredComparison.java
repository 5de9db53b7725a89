package io.uapiguard.cli;

import io.uapiguard.compat.Comparison;
import io.uapiguard.history.StoredComparisons;
import io.uapiguard.store.Database;

/** {@code diff --tags}: the comparison of two stored revisions. Kept apart so that file diffs never load the store. */
final class StoredComparison {

    private StoredComparison() {
    }

    static Comparison of(DatabaseOptions options, String repository, String oldRevision, String newRevision) {
        try (Database db = options.open()) {
            return StoredComparisons.over(db.dataSource()).compare(repository, oldRevision, newRevision);
        }
    }
}
