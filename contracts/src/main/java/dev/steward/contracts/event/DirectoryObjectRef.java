package dev.steward.contracts.event;

import java.util.Objects;

/**
 * A reference to a user or a group, as a member of a group.
 *
 * @param type {@value #USER} or {@value #GROUP}, as in Graph's {@code @odata.type} without its namespace
 */
public record DirectoryObjectRef(String id, String type) {

    public static final String USER = "user";
    public static final String GROUP = "group";

    public DirectoryObjectRef {
        Objects.requireNonNull(id, "id");
        if (!USER.equals(type) && !GROUP.equals(type)) {
            throw new IllegalArgumentException("type must be 'user' or 'group'");
        }
    }

    public static DirectoryObjectRef user(String id) {
        return new DirectoryObjectRef(id, USER);
    }

    public static DirectoryObjectRef group(String id) {
        return new DirectoryObjectRef(id, GROUP);
    }
}
