package dev.steward.selfservice.settings;

/**
 * The tenant's My Groups settings (DOMAIN.md §4).
 *
 * @param ownersCanManageRequests owners approve and reject requests to join their groups (Steward's default: yes;
 *                                Entra's is no, which leaves owner-approval groups without anyone to decide)
 * @param restrictGroupsAccess    only administrators use My Groups
 * @param restrictSecurityGroups  only administrators see and edit security groups in My Groups
 */
public record TenantSettings(boolean ownersCanManageRequests, boolean restrictGroupsAccess,
                             boolean restrictSecurityGroups) {
}
