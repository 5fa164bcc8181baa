package dev.steward.audit.rebuild;

import dev.steward.audit.directoryaudit.projection.ProjectionTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rebuild's tables on PostgreSQL: a fresh set shaped like the live one ({@code LIKE ... INCLUDING ALL}: columns,
 * defaults, constraints, indexes; the target rows' foreign key added by hand), and the switch that makes it the live
 * set in one transaction: the live tables are renamed away and dropped, the new ones take their names, and each new
 * index takes the name of the live index with the same definition, so later Flyway migrations find the names they
 * know. Readers and writers wait for the switch's locks (at most {@code lock_timeout} each).
 */
@Repository
public class RebuildTables {

    static final ProjectionTables REBUILD = ProjectionTables.suffixed("_rebuild");
    private static final String REPLACED = "_replaced";

    private final JdbcTemplate jdbc;

    public RebuildTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True on PostgreSQL, the only database a rebuild runs on. */
    public boolean supported() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    /** Empty rebuild tables; what a failed rebuild left is dropped first. */
    @Transactional
    public void prepare() {
        ProjectionTables live = ProjectionTables.LIVE;
        drop(REBUILD);
        jdbc.execute("CREATE TABLE " + REBUILD.entries() + " (LIKE " + live.entries() + " INCLUDING ALL)");
        jdbc.execute("CREATE TABLE " + REBUILD.targets() + " (LIKE " + live.targets() + " INCLUDING ALL)");
        jdbc.execute("ALTER TABLE " + REBUILD.targets() + " ADD CONSTRAINT directory_audit_target_entry_fk "
                + "FOREIGN KEY (audit_id) REFERENCES " + REBUILD.entries() + " (id) ON DELETE CASCADE");
        jdbc.execute("CREATE TABLE " + REBUILD.groups() + " (LIKE " + live.groups() + " INCLUDING ALL)");
    }

    /** Drops the rebuild tables (after a failure). */
    @Transactional
    public void discard() {
        drop(REBUILD);
    }

    /** Makes the rebuild tables the live ones, in one transaction. */
    @Transactional
    public void switchOver(String lockTimeout) {
        jdbc.execute("SET LOCAL lock_timeout = '" + lockTimeout.replaceAll("[^0-9a-z]", "") + "'");
        ProjectionTables live = ProjectionTables.LIVE;
        List<String[]> pairs = List.of(new String[] {live.targets(), REBUILD.targets()},
                new String[] {live.entries(), REBUILD.entries()}, new String[] {live.groups(), REBUILD.groups()});
        Map<String, Map<String, String>> liveIndexNames = new HashMap<>();
        for (String[] pair : pairs) {
            liveIndexNames.put(pair[0], indexNamesByDefinition(pair[0]));
        }
        for (String[] pair : pairs) {
            jdbc.execute("ALTER TABLE " + pair[0] + " RENAME TO " + pair[0] + REPLACED);
        }
        for (String[] pair : pairs) {
            jdbc.execute("ALTER TABLE " + pair[1] + " RENAME TO " + pair[0]);
        }
        jdbc.execute("DROP TABLE " + live.targets() + REPLACED + ", " + live.entries() + REPLACED + ", "
                + live.groups() + REPLACED);
        for (String[] pair : pairs) {
            Map<String, String> wanted = liveIndexNames.get(pair[0]);
            indexNamesByDefinition(pair[0]).forEach((definition, name) -> {
                String liveName = wanted.get(definition);
                if (liveName != null && !liveName.equals(name)) {
                    jdbc.execute("ALTER INDEX " + name + " RENAME TO " + liveName);
                }
            });
        }
    }

    private void drop(ProjectionTables tables) {
        jdbc.execute("DROP TABLE IF EXISTS " + tables.targets() + ", " + tables.entries() + ", " + tables.groups());
    }

    /** Index name by what it indexes ({@code [UNIQUE ]USING btree (columns)}), for one table of this schema. */
    private Map<String, String> indexNamesByDefinition(String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?",
                rs -> {
                    String definition = rs.getString("indexdef");
                    String shape = (definition.startsWith("CREATE UNIQUE") ? "UNIQUE " : "")
                            + definition.substring(definition.indexOf(" USING "));
                    names.put(shape, rs.getString("indexname"));
                }, table);
        return names;
    }
}
