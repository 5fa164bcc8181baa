package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.InitiatedBy;
import dev.steward.audit.directoryaudit.model.TargetResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit entries: each entry once, whatever how often its event is delivered. The entries of one event (up to
 * 1,000 for a member event) are written as JDBC batches, sent by PostgreSQL's driver as multi-row inserts.
 */
@Repository
public class AuditEntryStore {

    /** Ids per look-up of already recorded entries; well under the drivers' bind parameter limits. */
    private static final int LOOKUP_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProjectionTables tables;

    @Autowired
    public AuditEntryStore(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, ProjectionTables.LIVE);
    }

    private AuditEntryStore(JdbcTemplate jdbc, Clock clock, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tables = tables;
    }

    /** The same store writing into {@code other} tables; the caller runs it in a transaction. */
    public AuditEntryStore into(ProjectionTables other) {
        return new AuditEntryStore(jdbc, clock, other);
    }

    /**
     * Stores each entry whose id is not recorded yet, in batches.
     *
     * @return the entries that were new
     */
    @Transactional
    public List<DirectoryAudit> insertAllIfAbsent(List<DirectoryAudit> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> recorded = recordedIds(entries.stream().map(DirectoryAudit::id).toList());
        List<DirectoryAudit> fresh = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (DirectoryAudit entry : entries) {
            if (!recorded.contains(entry.id()) && seen.add(entry.id())) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        OffsetDateTime recordedAt = utc(clock.instant());
        List<Object[]> rows = new ArrayList<>(fresh.size());
        List<Object[]> targets = new ArrayList<>();
        for (DirectoryAudit entry : fresh) {
            InitiatedBy by = entry.initiatedBy();
            OffsetDateTime activityDateTime = utc(entry.activityDateTime());
            rows.add(new Object[] {entry.id(), activityDateTime, entry.activityDisplayName(),
                    entry.category(), entry.correlationId(), entry.result(), entry.loggedByService(),
                    entry.operationType(), by.user() == null ? null : by.user().id(),
                    by.user() == null ? null : by.user().userPrincipalName(),
                    by.app() == null ? null : by.app().appId(), recordedAt, AuditJson.write(entry)});
            int index = 0;
            for (TargetResource target : entry.targetResources()) {
                targets.add(new Object[] {entry.id(), index++, target.id(), target.displayName(), activityDateTime});
            }
        }
        String entrySql = """
                INSERT INTO %s (id, activity_date_time, activity_display_name, category,
                    correlation_id, audit_result, logged_by_service, operation_type, initiated_by_user_id,
                    initiated_by_user_upn, initiated_by_app_id, recorded_at, entry_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""".formatted(tables.entries());
        String targetSql = "INSERT INTO " + tables.targets() + " (audit_id, target_index, target_id, display_name, "
                + "activity_date_time) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            insertBatch(connection, entrySql, rows);
            insertBatch(connection, targetSql, targets);
            return null;
        });
        return fresh;
    }

    private Set<String> recordedIds(List<String> ids) {
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            Set<String> recorded = new HashSet<>();
            for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM " + tables.entries()
                        + " WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            recorded.add(rs.getString(1));
                        }
                    }
                }
            }
            return recorded;
        });
    }

    /**
     * One JDBC batch of {@code rows}, the parameters bound straight on the statement: Spring's per-parameter binding
     * (with its logging checks) cost a tenth of the projection thread at thousands of rows per second.
     */
    private static void insertBatch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else if (row[i] instanceof String text) {
                        statement.setString(i + 1, text);
                    } else {
                        statement.setObject(i + 1, row[i]);
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
