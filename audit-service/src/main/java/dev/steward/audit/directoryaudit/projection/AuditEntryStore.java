package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.InitiatedBy;
import dev.steward.audit.directoryaudit.model.TargetResource;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit entries: each entry once, whatever how often its event is delivered. */
@Repository
public class AuditEntryStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditEntryStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the entry unless an entry with its id exists.
     *
     * @return true when the entry was new
     */
    @Transactional
    public boolean insertIfAbsent(DirectoryAudit entry) {
        InitiatedBy by = entry.initiatedBy();
        int inserted = jdbc.update("""
                        INSERT INTO directory_audit (id, activity_date_time, activity_display_name, category,
                            correlation_id, audit_result, logged_by_service, operation_type, initiated_by_user_id,
                            initiated_by_user_upn, initiated_by_app_id, recorded_at, entry_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                entry.id(), utc(entry.activityDateTime()), entry.activityDisplayName(), entry.category(),
                entry.correlationId(), entry.result(), entry.loggedByService(), entry.operationType(),
                by.user() == null ? null : by.user().id(),
                by.user() == null ? null : by.user().userPrincipalName(),
                by.app() == null ? null : by.app().appId(),
                utc(clock.instant()), AuditJson.write(entry));
        if (inserted == 0) {
            return false;
        }
        int index = 0;
        for (TargetResource target : entry.targetResources()) {
            jdbc.update("INSERT INTO directory_audit_target (audit_id, target_index, target_id, display_name) "
                    + "VALUES (?, ?, ?, ?)", entry.id(), index++, target.id(), target.displayName());
        }
        return true;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
