package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.history.HistoryAdmin.IngestSummary;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the service's ingest of the real bpf.h history records, counted on the one ingest every full test shares
 * (so the suite parses the 408 revisions once). Rows are counted for the corpus's repository only: the database is
 * shared with the context's other tests.
 */
class ServiceIngestCorpusTest extends CorpusService {

    @Autowired
    DataSource dataSource;

    private int count(String sql, long repositoryId) {
        return JdbcClient.create(dataSource).sql(sql).param("repo", repositoryId).query(Integer.class).single();
    }

    private long repositoryId() {
        ingestedCorpus();
        return JdbcClient.create(dataSource).sql("SELECT id FROM repositories WHERE name = :name")
                .param("name", REPOSITORY).query(Long.class).single();
    }

    @Test
    void theHistoryRecords408Revisions50TagsAnd408ParsedBlobsAndASecondIngestFindsNothing() {
        long repo = repositoryId();

        assertThat(count("SELECT count(*) FROM revisions WHERE repository_id = :repo AND reachable", repo))
                .isEqualTo(408);
        assertThat(count("SELECT count(*) FROM tags WHERE repository_id = :repo", repo)).isEqualTo(50);
        assertThat(count("""
                SELECT count(DISTINCT p.blob_id) FROM revision_paths p JOIN blobs b USING (blob_id)
                WHERE p.repository_id = :repo AND b.model IS NOT NULL""", repo))
                .as("every revision's bpf.h is a distinct blob, and every one parsed").isEqualTo(408);
        assertThat(count("SELECT count(*) FROM revisions WHERE repository_id = :repo AND first_tag IS NULL", repo))
                .as("only revisions after the newest tag have no first tag")
                .isEqualTo(count("""
                        SELECT count(*) FROM revisions WHERE repository_id = :repo AND depth > (SELECT max(r.depth)
                        FROM tags t JOIN revisions r USING (repository_id, commit_id) WHERE t.repository_id = :repo)""",
                        repo));
        assertThat(count("""
                SELECT count(*) FROM revisions r
                JOIN revision_paths n ON n.repository_id = r.repository_id AND n.commit_id = r.commit_id
                JOIN revision_paths o ON o.repository_id = r.repository_id AND o.commit_id = r.parent_id
                    AND o.path = n.path
                WHERE r.repository_id = :repo AND NOT EXISTS (SELECT 1 FROM comparisons c
                    WHERE c.old_blob_id = o.blob_id AND c.new_blob_id = n.blob_id AND c.path = n.path)""", repo))
                .as("every revision's comparison with its predecessor is stored").isZero();

        IngestSummary again = admin.ingest(REPOSITORY);
        assertThat(again.revisionsSeen()).isEqualTo(408);
        assertThat(again.blobsParsed()).isZero();
        assertThat(again.newRevisions()).isZero();
        assertThat(again.comparisonsStored()).isZero();
    }
}
