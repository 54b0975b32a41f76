package org.coloc.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 2: every index the tables should have, created where it is missing. EclipseLink made an
 * entity's indexes only with its table, so a database older than an index never got it; and the list queries
 * need a few that no entity declares. Whether an index is there is read from {@link DatabaseMetaData}: an index
 * of the same name, or any index on the same columns in the same order and direction, counts.
 */
public final class MissingIndexes implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(MissingIndexes.class.getName());

    /** An index a table should have; a column may end with {@code " DESC"}. */
    public record RequiredIndex(String table, String name, boolean unique, List<String> columns) {

        public RequiredIndex {
            columns = List.copyOf(columns);
        }

        static RequiredIndex of(String table, String name, String... columns) {
            return new RequiredIndex(table, name, false, List.of(columns));
        }

        String createStatement() {
            return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + table + " ("
                    + String.join(", ", columns) + ")";
        }

        /** The columns as DatabaseMetaData would describe them: upper-case name and A or D. */
        List<String> shape() {
            return columns.stream().map(c -> {
                String[] parts = c.trim().split("\\s+");
                boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("DESC");
                return parts[0].toUpperCase(Locale.ROOT) + (descending ? " D" : " A");
            }).toList();
        }
    }

    /**
     * The indexes declared on the entities (as of issue 9), then those the list queries need: one a line, "table
     * name [UNIQUE] columns", a column may end with DESC; "#" starts a comment.
     */
    public static final List<RequiredIndex> REQUIRED = table("""
            INBOUND_MAIL          IX_INBOUND_MAIL_NEWEST        RECEIVED_AT DESC, ID DESC
            INBOUND_MAIL          IX_INBOUND_MAIL_MESSAGE_ID    MESSAGE_ID
            CASE_MESSAGE          IX_CASE_MESSAGE_CASE          CASE_ID, WRITTEN_AT
            CASE_MESSAGE          IX_CASE_MESSAGE_MESSAGE_ID    MESSAGE_ID
            CASE_REFERENCE        IX_CASE_REFERENCE_ID          MESSAGE_ID
            SUPPORT_CASE          IX_CASE_NUMBER                UNIQUE CASE_NUMBER
            SUPPORT_CASE          IX_CASE_REQUESTER_SUBJECT     REQUESTER, NORMALISED_SUBJECT
            SUPPORT_CASE          IX_CASE_ACTIVITY              LAST_ACTIVITY_AT
            SUPPORT_CASE          IX_CASE_REMIND                REMIND_ADMIN_AT
            SUPPORT_CASE          IX_CASE_CLOSE                 CLOSE_AT
            SUPPORT_CASE          IX_CASE_ACKNOWLEDGED          ACKNOWLEDGED_AT
            CASE_PARTICIPANT      IX_CASE_PARTICIPANT           CASE_ID
            CASE_FAILING_ADDRESS  IX_CASE_FAILING               CASE_ID
            CHANGE_LOG            IX_CHANGE_RECORD              RECORD_TYPE, RECORD_ID
            MEMBER                IX_MEMBER_NAME                DISPLAY_NAME, ID
            MEMBER_OTHER_EMAIL    IX_MEMBER_OTHER_EMAIL_MEMBER  MEMBER_ID
            MEMBER_ADDRESS        IX_MEMBER_ADDRESS_MEMBER      MEMBER_ID
            HOST                  IX_HOST_NAME                  NAME, ID
            VM                    IX_VM_NAME                    NAME, ID
            VM                    IX_VM_HOST                    HOST_ID
            VM                    IX_VM_OWNER                   OWNER_ID
            VM_IPV4               IX_VM_IPV4_VM                 VM_ID
            VM_IPV6               IX_VM_IPV6_VM                 VM_ID
            VM_DOMAIN             IX_VM_DOMAIN_VM               VM_ID
            OUTBOX_MAIL           IX_OUTBOX_DUE                 STATUS, NEXT_ATTEMPT_AT
            OUTBOX_MAIL           IX_OUTBOX_MESSAGE_ID          MESSAGE_ID
            OUTBOX_MAIL           IX_OUTBOX_RECIPIENT           FIRST_RECIPIENT, KIND, CREATED_AT
            OUTBOX_RECIPIENT      IX_OUTBOX_RECIPIENT_MAIL      MAIL_ID, POSITION
            # GET /api/cases?state=…, newest activity first; the deadline sweeps also filter on the state
            SUPPORT_CASE          IX_CASE_STATE                 STATE, LAST_ACTIVITY_AT
            # GET /api/messages?status=quarantined and the health check's count of quarantined mail
            INBOUND_MAIL          IX_INBOUND_MAIL_STATUS        STATUS, RECEIVED_AT
            # GET /api/outbox, newest first: Derby reads an index only forwards, hence DESC as IX_INBOUND_MAIL_NEWEST
            OUTBOX_MAIL           IX_OUTBOX_NEWEST              CREATED_AT DESC, ID DESC
            """);

    private static List<RequiredIndex> table(String lines) {
        return lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> {
            String[] parts = line.split("\\s+", 3);
            boolean unique = parts[2].startsWith("UNIQUE ");
            String columns = unique ? parts[2].substring("UNIQUE ".length()) : parts[2];
            return new RequiredIndex(parts[0], parts[1], unique, List.of(columns.split(",\\s*")));
        }).toList();
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "indexes every table should have";
    }

    /**
     * None: the list is version 2 as applied; an index added later goes into a new migration, and a checksum would
     * only make every database that ran this refuse to start after an edit.
     */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<RequiredIndex> missing = missing(connection, REQUIRED);
        try (Statement s = connection.createStatement()) {
            for (RequiredIndex index : missing) {
                s.execute(index.createStatement());
            }
        }
        if (!missing.isEmpty()) {
            LOG.info(() -> "Created the missing indexes " + missing.stream().map(RequiredIndex::name).toList());
        }
    }

    /** Those of the required indexes that the connection's schema does not have, in the order given. */
    static List<RequiredIndex> missing(Connection connection, List<RequiredIndex> required) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Map<String, List<String>>> byTable = new HashMap<>();
        List<RequiredIndex> missing = new ArrayList<>();
        for (RequiredIndex index : required) {
            Map<String, List<String>> existing = byTable.get(index.table());
            if (existing == null) {
                existing = indexes(md, schema, index.table());
                byTable.put(index.table(), existing);
            }
            boolean present = existing.containsKey(index.name().toUpperCase(Locale.ROOT))
                    || existing.containsValue(index.shape());
            if (!present) {
                missing.add(index);
            }
        }
        return missing;
    }

    /** A table's indexes: upper-case name to its columns as "COLUMN A|D", in key order. */
    private static Map<String, List<String>> indexes(DatabaseMetaData md, String schema, String table)
            throws SQLException {
        String stored = md.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        String storedSchema = schema == null || !md.storesLowerCaseIdentifiers() ? schema
                : schema.toLowerCase(Locale.ROOT);
        Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
        try (ResultSet r = md.getIndexInfo(null, storedSchema, stored, false, false)) {
            while (r.next()) {
                String name = r.getString("INDEX_NAME");
                String column = r.getString("COLUMN_NAME");
                if (name == null || column == null) {
                    continue; // table statistics
                }
                String direction = "D".equalsIgnoreCase(r.getString("ASC_OR_DESC")) ? "D" : "A";
                columns.computeIfAbsent(name.toUpperCase(Locale.ROOT), n -> new TreeMap<>())
                        .put(r.getInt("ORDINAL_POSITION"), column.toUpperCase(Locale.ROOT) + " " + direction);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        columns.forEach((name, cols) -> out.put(name, List.copyOf(cols.values())));
        return out;
    }
}
