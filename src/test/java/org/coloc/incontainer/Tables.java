package org.coloc.incontainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the application's tables with plain SQL, as a database administrator would see them: by table and
 * column names (which stay, an existing database must keep working), not through the entities or the beans
 * under test. Every read is its own committed look at the database.
 */
final class Tables {

    private final DataSource db;

    Tables(DataSource db) {
        this.db = db;
    }

    long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    /** The rows, each a map from upper-case column label to value (CLOBs read as strings, timestamps as Instants). */
    List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.sql.Clob clob) {
                            v = clob.getSubString(1, (int) clob.length());
                        } else if (v instanceof Timestamp t) {
                            v = t.toInstant();
                        }
                        row.put(meta.getColumnLabel(i).toUpperCase(java.util.Locale.ROOT), v);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Map<String, Object> one(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + ": " + sql + " " + List.of(args));
        }
        return rows.get(0);
    }
}
