package io.uapiguard.store;

import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Row mappers shared by the read and write sides. */
final class StoreRows {

    private StoreRows() {
    }

    static RepositoryInfo repository(ResultSet rs) throws SQLException {
        return new RepositoryInfo(rs.getString("name"), rs.getString("location"), rs.getString("tag_pattern"),
                strings(rs.getArray("branches")), strings(rs.getArray("paths")), instant(rs, "last_ingest_at"),
                ModelJson.mirrors(rs.getString("mirrors")));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
