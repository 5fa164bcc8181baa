package dev.steward.directory.policy;

/**
 * The tenant settings that bind group creation by ordinary users (DOMAIN.md section 4):
 * {@code authorizationPolicy.defaultUserRolePermissions.allowedToCreateSecurityGroups}, and the {@code Group.Unified}
 * setting's {@code EnableGroupCreation} and {@code GroupCreationAllowedGroupId}.
 */
public interface GroupCreationSettings {

    /** Everything allowed: Entra's defaults. */
    GroupCreationSettings DEFAULTS = new GroupCreationSettings() {
        @Override
        public boolean usersMayCreateSecurityGroups() {
            return true;
        }

        @Override
        public boolean userMayCreateMicrosoft365Groups(String userId) {
            return true;
        }
    };

    boolean usersMayCreateSecurityGroups();

    /** {@code EnableGroupCreation}, or the user is a (transitive) member of {@code GroupCreationAllowedGroupId}. */
    boolean userMayCreateMicrosoft365Groups(String userId);
}
