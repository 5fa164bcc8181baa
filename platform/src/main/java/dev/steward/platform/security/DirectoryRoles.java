package dev.steward.platform.security;

import java.util.Set;

/** Directory role template ids, as they appear in a token's {@code wids} claim. */
public final class DirectoryRoles {

    public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    public static final String GROUPS_ADMINISTRATOR = "fdd7a751-b60b-444a-984c-02652fe8fa1c";
    public static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    public static final String CLOUD_APPLICATION_ADMINISTRATOR = "158c047a-c907-4556-b7ef-446551a6b5f7";
    public static final String HYBRID_IDENTITY_ADMINISTRATOR = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";
    public static final String REPORTS_READER = "4a5d8f65-41da-4de4-8968-e035b65339cf";
    public static final String SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
    public static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    public static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    public static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";

    /** Roles that may switch a group's Source of Authority. */
    public static final Set<String> SOURCE_OF_AUTHORITY_ADMINS =
            Set.of(GLOBAL_ADMINISTRATOR, GROUPS_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR);
    /** Roles that may manage any group. */
    public static final Set<String> GROUP_ADMINS = Set.of(GLOBAL_ADMINISTRATOR, GROUPS_ADMINISTRATOR, USER_ADMINISTRATOR);
    /** Roles that may change the tenant's authorization policy. */
    public static final Set<String> AUTHORIZATION_POLICY_ADMINS =
            Set.of(GLOBAL_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR);
    /** Roles that may create and delete users. */
    public static final Set<String> USER_ADMINS = Set.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR);
    /** Roles that may assign licences to users on behalf of a signed-in caller. */
    public static final Set<String> LICENSE_ADMINS = Set.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR,
            LICENSE_ADMINISTRATOR);
    /** Roles that may run and read the sync engine. */
    public static final Set<String> SYNC_ADMINS = Set.of(GLOBAL_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR);
    /** Roles that may read audit and provisioning logs. */
    public static final Set<String> AUDIT_READERS = Set.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER, REPORTS_READER,
            SECURITY_READER, GROUPS_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR);

    private DirectoryRoles() {
    }
}
