package dev.steward.directory.common;

/**
 * Every way a directory command can be refused, with the Graph error it is answered with. The code, not the
 * message, is what crosses the command bus and the Kafka results topic, so callers never match on text.
 */
public enum DirectoryErrorCode {

    /** A cloud write to an object whose Source of Authority is AD. */
    ON_PREMISES_MASTERED(400, "Request_BadRequest",
            "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects "
                    + "currently undergoing migration."),
    /** Mail-enabled security groups and distribution lists are managed by the mail system only. */
    MAIL_SYSTEM_MANAGED(400, "Request_BadRequest",
            "Cannot Update a mail-enabled security groups and or distribution list."),
    /** An SOA switch for a group that never came from AD: there is nothing to transfer. */
    NOT_SYNCED_FROM_ON_PREMISES(400, "Request_BadRequest",
            "The Source of Authority can only be changed for objects synchronized from on-premises Active "
                    + "Directory."),
    /** The sync engine tried to write an object whose Source of Authority is in the cloud. */
    SOURCE_OF_AUTHORITY_IN_CLOUD(409, "SourceOfAuthorityInCloud",
            "The object has not been synced to the cloud because the source of authority of the object is in the "
                    + "cloud."),
    /** The sync engine's data does not belong to the object it addresses. */
    ANCHOR_MISMATCH(409, "Request_BadRequest",
            "The on-premises anchor does not match the object's anchor."),
    READ_ONLY_PROPERTY(400, "Request_BadRequest", "Property '%s' is read-only and cannot be set."),
    UNSUPPORTED_PROPERTY(400, "Request_BadRequest", "Property '%s' cannot be set by this request."),
    INVALID_PROPERTY_VALUE(400, "Request_BadRequest",
            "Invalid value specified for property '%s' of resource 'Group'."),
    UNSUPPORTED_GROUP_KIND(400, "Request_BadRequest",
            "Only security groups and Microsoft 365 groups can be created in the cloud directory."),
    OBJECT_NOT_FOUND(404, "Request_ResourceNotFound",
            "Resource '%s' does not exist or one of its queried reference-property objects are not present."),
    /** Graph's answer to adding a member or owner that is already there. */
    REFERENCE_ALREADY_EXISTS(400, "Request_BadRequest",
            "One or more added object references already exist for the following modified properties: '%s'."),
    /** A group would contain itself, directly or through nested groups. */
    MEMBERSHIP_CYCLE(400, "Request_BadRequest",
            "The member cannot be added because it would make the group a member of itself."),
    DYNAMIC_MEMBERSHIP(400, "Request_BadRequest",
            "Members of a group with dynamic membership are computed from its rule and cannot be added or removed."),
    TOO_MANY_OWNERS(400, "Request_BadRequest", "A group can have at most %d owners."),
    OWNER_NOT_A_USER(400, "Request_BadRequest", "Only users can be owners of a group; '%s' is not a user."),
    LAST_OWNER(400, "Request_BadRequest",
            "The group must have at least one owner, hence this owner cannot be removed."),
    TOO_MANY_REFERENCES(400, "Request_BadRequest", "At most %d objects can be referenced in one request."),
    ID_ALREADY_EXISTS(400, "Request_BadRequest", "Another object with the same value for property id already exists."),
    INVALID_OBJECT_ID(400, "Request_BadRequest", "Invalid object identifier '%s'."),
    /** A property of a resource other than a group (a user, a directory setting) has an invalid or no value. */
    INVALID_RESOURCE_VALUE(400, "Request_BadRequest", "Invalid value specified for property '%s' of resource '%s'."),
    /** A second directory setting of a template the tenant has a setting of already. */
    CONFLICTING_OBJECT(400, "Request_BadRequest",
            "A conflicting object with one or more of the specified property values is present in the directory."),
    /** A unique property (a user's {@code userPrincipalName}) that another object has already. */
    PROPERTY_VALUE_EXISTS(400, "Request_BadRequest",
            "Another object with the same value for property %s already exists."),
    UNSUPPORTED_QUERY(400, "Request_UnsupportedQuery", "%s"),
    BAD_REQUEST(400, "Request_BadRequest", "%s");

    private final int httpStatus;
    private final String graphCode;
    private final String messageTemplate;

    DirectoryErrorCode(int httpStatus, String graphCode, String messageTemplate) {
        this.httpStatus = httpStatus;
        this.graphCode = graphCode;
        this.messageTemplate = messageTemplate;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code in Graph's error body and in a rejected {@code CommandResult}. */
    public String graphCode() {
        return graphCode;
    }

    public String message(Object... arguments) {
        return arguments.length == 0 ? messageTemplate : String.format(messageTemplate, arguments);
    }
}
