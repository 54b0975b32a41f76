package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coloc.platform.MissingIndexes.RequiredIndex;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations on in-memory Derby databases: a new one, one made before issue 9, and the index check alone. */
class SchemaMigrationsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final List<EmbeddedDataSource> opened = new ArrayList<>();

    @BeforeAll
    static void quietDerby() throws IOException {
        Path home = Files.createDirectories(Path.of("target", "derby-unit"));
        System.setProperty("derby.system.home", home.toAbsolutePath().toString());
        System.setProperty("derby.stream.error.file", home.resolve("derby.log").toAbsolutePath().toString());
    }

    @AfterEach
    void dropDatabases() {
        for (EmbeddedDataSource d : opened) {
            d.setCreateDatabase(null);
            d.setConnectionAttributes("drop=true");
            try {
                d.getConnection().close();
            } catch (SQLException dropped) {
                // Derby answers a drop with an exception (08006)
            }
        }
    }

    @Test
    void eachDatabaseGetsTheCommonScriptsAndItsOwn() {
        assertEquals("derby", SchemaMigrations.vendor("Apache Derby"));
        assertEquals("postgresql", SchemaMigrations.vendor("PostgreSQL"));
        assertEquals(List.of("classpath:db/migration", "classpath:db/migration-derby"),
                SchemaMigrations.locations("derby"));
        assertEquals(List.of("classpath:db/migration", "classpath:db/migration-postgresql"),
                SchemaMigrations.locations("postgresql"));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> SchemaMigrations.vendor("MySQL"));
        assertTrue(unknown.getMessage().contains("MySQL") && unknown.getMessage().contains("coloc.db.url"),
                unknown.getMessage());
    }

    @Test
    void flywaysWarningAboutDerby1016IsInformationOtherWarningsStayWarnings() {
        assertEquals(java.util.logging.Level.INFO, FlywayLog.levelOfWarning("Using Derby 10.16 which is newer "
                + "than the version Flyway has been verified with. The latest verified version of Derby is 10.15."));
        assertEquals(java.util.logging.Level.WARNING,
                FlywayLog.levelOfWarning("Schema \"APP\" has a version (3) that is newer than the latest"));
    }

    /** A script written for one database only must exist, under the same name, for the other one. */
    @Test
    void vendorFoldersHoldTheSameVersions() throws Exception {
        Set<String> derby = scripts("db/migration-derby");
        Set<String> postgresql = scripts("db/migration-postgresql");
        assertTrue(derby.contains("V1.1__baseline_vendor_types.sql"), derby.toString());
        assertEquals(derby, postgresql);
        Set<String> common = scripts("db/migration");
        assertTrue(common.contains("V1__baseline.sql"), common.toString());
        for (String name : common) {
            String version = name.substring(0, name.indexOf("__"));
            assertTrue(derby.stream().noneMatch(n -> n.startsWith(version + "__")),
                    "version " + version + " is both common and per database");
        }
    }

    @Test
    void aNewDatabaseGetsEveryTableIndexAndIdRow() throws Exception {
        EmbeddedDataSource db = newDatabase();
        MigrateResult result = SchemaMigrations.migrate(db);

        assertTrue(result.migrationsExecuted >= 2, "V1 and V2 at least: " + result.migrationsExecuted);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertEquals(List.of(), MissingIndexes.missing(c, MissingIndexes.REQUIRED));
            assertEquals(idRows(), count(s, "SELECT COUNT(*) FROM SEQUENCE WHERE SEQ_COUNT = 0"));
            s.execute("INSERT INTO SUPPORT_CASE (ID, CREATED, LANGUAGE, LAST_ACTIVITY_AT, CASE_NUMBER, REQUESTER, "
                    + "STATE, UPDATED, VERSION) VALUES (1, CURRENT_TIMESTAMP, 'fr', CURRENT_TIMESTAMP, 1, "
                    + "'a@example.org', 'new', CURRENT_TIMESTAMP, 1)");
            assertEquals(0, count(s, "SELECT FOREIGN_TAG FROM SUPPORT_CASE"), "booleans default to false, as before");
        }
        assertEquals(0, SchemaMigrations.migrate(db).migrationsExecuted, "a second start has nothing to do");
    }

    /**
     * A database made before issue 9: EclipseLink's tables, no history, and some indexes its tables predate. It is
     * taken as version 1, gains what is missing, and keeps its rows.
     */
    @Test
    void aDatabaseMadeBeforeMigrationsIsBaselinedAndGainsItsMissingIndexes() throws Exception {
        EmbeddedDataSource db = newDatabase();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : baselineStatements()) {
                s.execute(statement);
            }
            s.execute("DROP INDEX IX_CASE_ACKNOWLEDGED");
            s.execute("DROP INDEX IX_OUTBOX_RECIPIENT");
            s.execute("UPDATE SEQUENCE SET SEQ_COUNT = 500 WHERE SEQ_NAME = 'MAIL_IDS'");
            s.execute("INSERT INTO CASE_COUNTER (NAME, LAST_NUMBER) VALUES ('case', 41)");
            assertEquals(List.of("IX_CASE_ACKNOWLEDGED", "IX_OUTBOX_RECIPIENT", "IX_CASE_STATE",
                    "IX_INBOUND_MAIL_STATUS", "IX_OUTBOX_NEWEST"), MissingIndexes.missing(c, MissingIndexes.REQUIRED)
                    .stream().map(RequiredIndex::name).toList());
        }

        MigrateResult result = SchemaMigrations.migrate(db);

        assertEquals("1.1", result.initialSchemaVersion, "baselined past both parts of the baseline");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertEquals(List.of(), MissingIndexes.missing(c, MissingIndexes.REQUIRED));
            assertEquals(41, count(s, "SELECT LAST_NUMBER FROM CASE_COUNTER"));
            assertEquals(500, count(s, "SELECT SEQ_COUNT FROM SEQUENCE WHERE SEQ_NAME = 'MAIL_IDS'"));
            assertEquals(idRows(), count(s, "SELECT COUNT(*) FROM SEQUENCE"),
                    "the baseline's rows were not inserted again");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'BASELINE'"));
        }
    }

    /**
     * Two starts at once on one new database (a few times over, the race being a matter of timing): one migrates,
     * the other waits or tries again, and every migration is applied once.
     */
    @Test
    void twoStartsAtOnceMigrateOnce() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                EmbeddedDataSource db = newDatabase();
                db.getConnection().close();
                java.util.concurrent.Callable<MigrateResult> start = () -> SchemaMigrations.migrate(db);
                long applied = 0;
                for (java.util.concurrent.Future<MigrateResult> r : two.invokeAll(List.of(start, start))) {
                    applied += r.get().migrationsExecuted;
                }
                assertTrue(applied >= 2, "V1 and V2 at least: " + applied);
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    assertEquals(applied, count(s, "SELECT COUNT(*) FROM \"flyway_schema_history\""),
                            "each migration once");
                    assertEquals(applied,
                            count(s, "SELECT COUNT(DISTINCT \"version\") FROM \"flyway_schema_history\""));
                    assertEquals(idRows(), count(s, "SELECT COUNT(*) FROM SEQUENCE"));
                }
            }
        } finally {
            two.shutdown();
        }
    }

    @Test
    void anIndexCountsByItsNameOrByTheSameColumnsInTheSameDirection() throws Exception {
        EmbeddedDataSource db = newDatabase();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID BIGINT NOT NULL PRIMARY KEY, A VARCHAR(10), B TIMESTAMP, C INTEGER)");
            s.execute("CREATE INDEX SOME_OTHER_NAME ON T (A, B)");
            s.execute("CREATE INDEX T_B_ASC ON T (B, ID)");
            s.execute("CREATE INDEX IX_T_C ON T (B)");
            RequiredIndex sameColumns = RequiredIndex.of("T", "IX_T_AB", "A", "B");
            RequiredIndex otherOrder = RequiredIndex.of("T", "IX_T_BA", "B", "A");
            RequiredIndex descending = RequiredIndex.of("T", "IX_T_NEWEST", "B DESC", "ID DESC");
            RequiredIndex sameName = RequiredIndex.of("T", "ix_t_c", "C");
            RequiredIndex prefixOnly = RequiredIndex.of("T", "IX_T_A", "A");

            List<RequiredIndex> missing = MissingIndexes.missing(c,
                    List.of(sameColumns, otherOrder, descending, sameName, prefixOnly));

            assertEquals(List.of(otherOrder, descending, prefixOnly), missing);
            s.execute(descending.createStatement());
            assertEquals(List.of(), MissingIndexes.missing(c, List.of(descending)));
        }
    }

    /**
     * Every column an entity maps (named by {@link ColumnNames} or by its {@code @Column}) exists in the migrated
     * schema, with every collection table: an entity that gains a field without its migration fails here, not at
     * the first query in production.
     */
    @Test
    void everyMappedColumnIsInTheMigratedSchema() throws Exception {
        EmbeddedDataSource db = newDatabase();
        SchemaMigrations.migrate(db);
        List<String> missing = new ArrayList<>();
        List<Class<?>> entities = entityClasses();
        assertTrue(entities.size() >= 15, "entities found: " + entities);
        try (Connection c = db.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (Class<?> entity : entities) {
                String table = entity.getAnnotation(Table.class).name();
                for (Class<?> k = entity; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                            continue;
                        }
                        CollectionTable elements = f.getAnnotation(CollectionTable.class);
                        String home = elements == null ? table : elements.name();
                        List<String> columns = new ArrayList<>();
                        Class<?> element = elements == null ? null
                                : (Class<?>) ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
                        if (element != null && element.isAnnotationPresent(Embeddable.class)) {
                            Arrays.stream(element.getDeclaredFields()).filter(e -> !Modifier.isStatic(e.getModifiers()))
                                    .map(SchemaMigrationsTest::columnOf).forEach(columns::add);
                        } else {
                            columns.add(columnOf(f));
                        }
                        if (elements != null) {
                            Arrays.stream(elements.joinColumns()).map(JoinColumn::name).forEach(columns::add);
                        }
                        if (f.isAnnotationPresent(OrderColumn.class)) {
                            columns.add(f.getAnnotation(OrderColumn.class).name());
                        }
                        for (String column : columns) {
                            try (ResultSet r = meta.getColumns(null, null, home, column)) {
                                if (!r.next()) {
                                    missing.add(entity.getSimpleName() + "." + f.getName() + " → " + home + "."
                                            + column);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aFieldsColumnIsItsCamelCaseWordsInCapitals() {
        assertEquals("NEXT_ATTEMPT_AT", ColumnNames.of("nextAttemptAt"));
        assertEquals("ID", ColumnNames.of("id"));
        assertEquals("OS_VERSION", ColumnNames.of("osVersion"));
        assertEquals("BODY_URL", ColumnNames.of("bodyURL"), "a run of capitals is one word");
    }

    private static String columnOf(Field f) {
        Column named = f.getAnnotation(Column.class);
        return named != null ? named.name() : ColumnNames.of(f.getName());
    }

    /** The entity classes compiled from src/main (as EclipseLink finds them: exclude-unlisted-classes is false). */
    private static List<Class<?>> entityClasses() throws Exception {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SchemaMigrationsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private EmbeddedDataSource newDatabase() {
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName("memory:schema-" + DATABASES.incrementAndGet());
        db.setCreateDatabase("create");
        opened.add(db);
        return db;
    }

    /** The Derby baseline's statements (common part, then Derby's), run by hand as EclipseLink once ran their like. */
    private static List<String> baselineStatements() throws IOException {
        String script = resource("/db/migration/V1__baseline.sql")
                + resource("/db/migration-derby/V1.1__baseline_vendor_types.sql");
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                String statement = current.toString().trim();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaMigrationsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The id rows (one per table generator) that Derby's migrations insert, each exactly once. */
    private static long idRows() throws IOException, URISyntaxException {
        long rows = 0;
        for (String folder : List.of("db/migration", "db/migration-derby")) {
            for (String name : scripts(folder)) {
                rows += resource("/" + folder + "/" + name).lines()
                        .filter(l -> l.startsWith("INSERT INTO SEQUENCE ")).count();
            }
        }
        return rows;
    }

    private static Set<String> scripts(String folder) throws IOException, URISyntaxException {
        var url = SchemaMigrationsTest.class.getClassLoader().getResource(folder);
        Set<String> names = new TreeSet<>();
        if (url == null) {
            return names;
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(names::add);
        }
        return names;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
