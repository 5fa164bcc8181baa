package dev.steward.sync.export;

import dev.steward.sync.ldap.RejectedEntry;
import java.util.List;

/** What one cycle has to consider: users first, then groups with nested groups before their parents. */
public record ExportPlan(List<ObjectExport> exports, List<RejectedEntry> rejected) {

    public ExportPlan {
        exports = List.copyOf(exports);
        rejected = List.copyOf(rejected);
    }
}
