package dev.steward.audit.directoryaudit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Who caused the change: a user, an app, or both (a user signed in through an app). Absent parts are null. */
@JsonPropertyOrder({"user", "app"})
public record InitiatedBy(UserIdentity user, AppIdentity app) {

    public static final InitiatedBy NOBODY = new InitiatedBy(null, null);

    /** Graph's {@code userIdentity} of an audit entry. */
    @JsonPropertyOrder({"id", "displayName", "userPrincipalName", "ipAddress"})
    public record UserIdentity(String id, String displayName, String userPrincipalName, String ipAddress) {
    }

    /** Graph's {@code appIdentity}. */
    @JsonPropertyOrder({"appId", "displayName", "servicePrincipalId", "servicePrincipalName"})
    public record AppIdentity(String appId, String displayName, String servicePrincipalId, String servicePrincipalName) {
    }
}
