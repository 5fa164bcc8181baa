package dev.steward.audit.directoryaudit.projection;

/** Activity names, categories and logging services of the audit entries, as Entra ID names them. */
public final class Activities {

    public static final String ADD_GROUP = "Add group";
    public static final String UPDATE_GROUP = "Update group";
    public static final String DELETE_GROUP = "Delete group";
    public static final String ADD_MEMBER_TO_GROUP = "Add member to group";
    public static final String REMOVE_MEMBER_FROM_GROUP = "Remove member from group";
    public static final String ADD_OWNER_TO_GROUP = "Add owner to group";
    public static final String REMOVE_OWNER_FROM_GROUP = "Remove owner from group";
    public static final String CHANGE_SOURCE_OF_AUTHORITY = "Change Source of Authority from AD to cloud";
    public static final String UNDO_SOURCE_OF_AUTHORITY = "Undo changes to Source of Authority from AD to cloud";
    public static final String ADD_USER = "Add user";
    public static final String UPDATE_USER = "Update user";
    public static final String DELETE_USER = "Delete user";
    public static final String CHANGE_USER_LICENSE = "Change user license";
    public static final String REQUEST_TO_JOIN_GROUP = "Request to join a group";
    public static final String APPROVE_REQUEST_TO_JOIN_GROUP = "Approve a pending request to join a group";
    public static final String REJECT_REQUEST_TO_JOIN_GROUP = "Reject a pending request to join a group";
    public static final String CANCEL_REQUEST_TO_JOIN_GROUP = "Cancel a pending request to join a group";
    // Beyond Entra: Steward's own activities of a request's life and of My Groups settings.
    public static final String ROUTE_REQUEST_TO_JOIN_GROUP = "Route a pending request to join a group";
    public static final String REMIND_REQUEST_TO_JOIN_GROUP = "Remind owners of a pending request to join a group";
    public static final String EXPIRE_REQUEST_TO_JOIN_GROUP = "Expire a pending request to join a group";
    public static final String COMPLETE_REQUEST_TO_JOIN_GROUP = "Complete a request to join a group";
    public static final String UPDATE_GROUP_JOIN_POLICY = "Update group join policy";
    public static final String APPROVE_FIRST_STAGE_OF_REQUEST_TO_JOIN_GROUP =
            "Approve the first stage of a pending request to join a group";
    public static final String CLOSE_REQUEST_TO_JOIN_GROUP = "Close a pending request to join a group";
    public static final String UPDATE_MY_GROUPS_SETTINGS = "Update My Groups settings";
    public static final String SKIP_SYNCHRONIZATION = "Skip synchronization of object";
    public static final String RUN_SYNCHRONIZATION_CYCLE = "Run synchronization cycle";
    public static final String WRITE_BACK_GROUP = "Write back group to on-premises directory";
    public static final String DETECT_WRITE_BACK_DRIFT = "Hold group write-back: changed in on-premises directory";
    public static final String RESOLVE_WRITE_BACK_DRIFT = "Resolve group write-back drift";

    public static final String GROUP_MANAGEMENT = "GroupManagement";
    public static final String USER_MANAGEMENT = "UserManagement";
    public static final String SYNCHRONIZATION = "Synchronization";

    public static final String CORE_DIRECTORY = "Core Directory";
    public static final String SELF_SERVICE_GROUP_MANAGEMENT = "Self-service Group Management";
    public static final String SYNC_ENGINE = "Sync Engine";

    public static final String ADD = "Add";
    public static final String UPDATE = "Update";
    public static final String DELETE = "Delete";
    public static final String ASSIGN = "Assign";
    public static final String UNASSIGN = "Unassign";

    private Activities() {
    }
}
