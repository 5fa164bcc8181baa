package dev.steward.directory.group.api;

import java.util.Set;

/** Which group properties a cloud write may set, and which are read-only (Graph's group resource). */
public final class GroupProperties {

    /** What {@code PATCH /groups/{id}} may change. */
    public static final Set<String> UPDATABLE = Set.of("displayName", "description", "mailNickname", "visibility");

    /** What {@code POST /groups} may set. */
    public static final Set<String> CREATABLE = Set.of("displayName", "description", "mailNickname", "mailEnabled",
            "securityEnabled", "groupTypes", "visibility");

    /**
     * Graph's limit on the references one request binds: {@code members@odata.bind} of a {@code PATCH}, and
     * {@code owners@odata.bind} and {@code members@odata.bind} of a {@code POST /groups} together.
     */
    public static final int MAX_BIND = 20;

    /** Set by the directory or by AD, never by a caller. */
    public static final Set<String> READ_ONLY = Set.of("id", "mail", "createdDateTime", "renewedDateTime",
            "deletedDateTime", "expirationDateTime", "proxyAddresses", "securityIdentifier", "onPremisesSyncEnabled",
            "onPremisesSecurityIdentifier", "onPremisesSamAccountName", "onPremisesDomainName",
            "onPremisesNetBiosName", "onPremisesLastSyncDateTime", "onPremisesProvisioningErrors",
            "onPremisesDistinguishedName", "onPremisesExtensionAttributes");

    private GroupProperties() {
    }
}
