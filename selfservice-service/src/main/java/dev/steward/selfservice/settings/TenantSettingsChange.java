package dev.steward.selfservice.settings;

/** Body of {@code PATCH /mygroups/settings}: the settings to change; an absent one stays as it is. */
public record TenantSettingsChange(Boolean ownersCanManageRequests, Boolean restrictGroupsAccess,
                                   Boolean restrictSecurityGroups) {
}
