package io.uapiguard.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A canonical dump of the history tables: every column except surrogate ids and the times an ingest ran,
 * rows in a fixed order, large texts as digests. Two databases with equal dumps hold the same history.
 */
public final class TableDump {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("repositories", "SELECT name, location, tag_pattern, branches::text, paths::text"
                + " FROM repositories ORDER BY name");
        QUERIES.put("blobs", "SELECT blob_id, md5(text), parser_version, md5(model::text), parse_error, helper_count"
                + " FROM blobs ORDER BY blob_id");
        QUERIES.put("helpers", "SELECT blob_id, name, helper_id, line, signature FROM helpers ORDER BY blob_id, name");
        QUERIES.put("revisions", "SELECT p.name, r.commit_id, r.depth, r.committed_at, r.authored_at, r.author,"
                + " r.author_email, r.subject, r.parent_id, r.reachable, r.first_tag FROM revisions r"
                + " JOIN repositories p ON p.id = r.repository_id ORDER BY p.name, r.commit_id");
        QUERIES.put("revision_paths", "SELECT p.name, x.commit_id, x.path, x.blob_id FROM revision_paths x"
                + " JOIN repositories p ON p.id = x.repository_id ORDER BY 1, 2, 3");
        QUERIES.put("tags", "SELECT p.name, t.name, t.commit_id FROM tags t"
                + " JOIN repositories p ON p.id = t.repository_id ORDER BY 1, 2");
        QUERIES.put("comparisons", "SELECT old_blob_id, new_blob_id, path, verdict, breaking, warnings, infos"
                + " FROM comparisons ORDER BY 1, 2, 3");
        QUERIES.put("findings", "SELECT c.old_blob_id, c.new_blob_id, c.path, f.ordinal, f.rule, f.severity,"
                + " f.symbol, f.message, f.old_value, f.new_value, f.line, f.attachments::text FROM findings f"
                + " JOIN comparisons c ON c.id = f.comparison_id ORDER BY 1, 2, 3, 4");
    }

    private TableDump() {
    }

    /** Table name → its rows, each row as a list of column values rendered as strings. */
    public static Map<String, List<String>> of(JdbcClient jdbc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        QUERIES.forEach((table, sql) -> out.put(table, jdbc.sql(sql).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " | " : "").append(rs.getString(i));
            }
            return row.toString();
        }).list()));
        return out;
    }

    /** Row counts per table, for messages. */
    public static Map<String, Integer> counts(Map<String, List<String>> dump) {
        Map<String, Integer> out = new LinkedHashMap<>();
        dump.forEach((t, rows) -> out.put(t, rows.size()));
        return out;
    }
}
