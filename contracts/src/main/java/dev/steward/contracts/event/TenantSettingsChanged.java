package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/**
 * An administrator changed the tenant's My Groups settings ({@code ownersCanManageRequests},
 * {@code restrictGroupsAccess}, {@code restrictSecurityGroups}); {@code modifiedProperties} has each changed setting
 * with its old and new value (JSON text, as Graph's audit log). The aggregate id is {@link #AGGREGATE_ID}.
 */
public record TenantSettingsChanged(EventMetadata metadata, List<ModifiedProperty> modifiedProperties)
        implements IntegrationEvent {

    public static final String AGGREGATE_ID = "selfservice-tenant-settings";

    public TenantSettingsChanged {
        Objects.requireNonNull(metadata, "metadata");
        modifiedProperties = modifiedProperties == null ? List.of() : List.copyOf(modifiedProperties);
    }
}
