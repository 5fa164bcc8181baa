package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import java.util.List;

/** Told, inside the projection's transaction, which entries a message added (none for a redelivery). */
@FunctionalInterface
public interface RecordedEntries {

    void recorded(List<DirectoryAudit> added);
}
