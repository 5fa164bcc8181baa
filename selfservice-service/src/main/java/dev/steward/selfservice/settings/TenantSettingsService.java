package dev.steward.selfservice.settings;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.TenantSettingsChanged;
import dev.steward.platform.outbox.Outbox;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.config.IdGenerator;
import dev.steward.selfservice.directory.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators read and change the tenant settings. Reading needs a group administrator role ({@code wids}) and a
 * permission to read groups; changing it a role and {@code Group.ReadWrite.All} or {@code Directory.ReadWrite.All}.
 * A change is effective at once and queues one {@code TenantSettingsChanged} with every changed setting.
 */
@Service
public class TenantSettingsService {

    private final TenantSettingsStore store;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public TenantSettingsService(TenantSettingsStore store, Outbox outbox, IdGenerator ids, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TenantSettings read(Caller caller) {
        if (!TenantRestrictions.isAdministrator(caller) || !caller.hasAnyPermission(Permissions.GROUP_READ_ALL,
                Permissions.GROUP_READWRITE_ALL, Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL)) {
            throw new AccessDeniedException();
        }
        return store.current();
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public TenantSettings change(Caller caller, TenantSettingsChange change, String correlationId) {
        if (!TenantRestrictions.isAdministrator(caller)
                || !caller.hasAnyPermission(Permissions.GROUP_READWRITE_ALL, Permissions.DIRECTORY_READWRITE_ALL)) {
            throw new AccessDeniedException();
        }
        TenantSettings before = store.lock();
        TenantSettings after = new TenantSettings(
                change.ownersCanManageRequests() == null ? before.ownersCanManageRequests()
                        : change.ownersCanManageRequests(),
                change.restrictGroupsAccess() == null ? before.restrictGroupsAccess() : change.restrictGroupsAccess(),
                change.restrictSecurityGroups() == null ? before.restrictSecurityGroups()
                        : change.restrictSecurityGroups());
        List<ModifiedProperty> modified = new ArrayList<>();
        compare("ownersCanManageRequests", before.ownersCanManageRequests(), after.ownersCanManageRequests(), modified);
        compare("restrictGroupsAccess", before.restrictGroupsAccess(), after.restrictGroupsAccess(), modified);
        compare("restrictSecurityGroups", before.restrictSecurityGroups(), after.restrictSecurityGroups(), modified);
        if (modified.isEmpty()) {
            return before;
        }
        Instant now = Timestamps.stored(clock.instant());
        store.save(after, caller.userId(), now);
        outbox.append(Topics.SELFSERVICE_EVENTS, new TenantSettingsChanged(new EventMetadata(ids.newId(), now,
                TenantSettingsChanged.AGGREGATE_ID, correlationId, caller.toInitiator(),
                EventMetadata.CURRENT_SCHEMA_VERSION), modified));
        return after;
    }

    private static void compare(String name, boolean before, boolean after, List<ModifiedProperty> modified) {
        if (before != after) {
            modified.add(new ModifiedProperty(name, Boolean.toString(before), Boolean.toString(after)));
        }
    }
}
