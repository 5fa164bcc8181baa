package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import java.util.List;

/**
 * Application event: the live projection added these entries. Published inside the projection's transaction; listen
 * with {@code @TransactionalEventListener} to hear of it once the entries are committed.
 */
public record AuditEntriesRecorded(List<DirectoryAudit> entries) {
}
