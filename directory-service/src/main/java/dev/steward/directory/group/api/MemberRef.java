package dev.steward.directory.group.api;

import java.util.Objects;

/** A direct member of a group: a user or a group. */
public record MemberRef(String id, ObjectType type) {

    public MemberRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }
}
