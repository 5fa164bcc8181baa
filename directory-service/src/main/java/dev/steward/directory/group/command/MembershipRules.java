package dev.steward.directory.group.command;

import dev.steward.contracts.References;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph's rules for a group's members and owners: referenced objects must exist, a group never contains itself
 * (directly or through nesting), owners are users and at most {@value References#MAX_OWNERS}, dynamic groups take
 * no member writes, a group that has owners keeps its last one. Cloud writes are strict (adding an existing member
 * is Graph's 400); the sync engine's differences are applied idempotently.
 */
final class MembershipRules {

    static final int MAX_PER_EVENT = References.MAX_PER_MESSAGE;

    private final String groupId;
    private final GroupState group;
    private final Map<String, ObjectType> members;
    private final Set<String> owners;
    private final DirectoryObjects directory;

    MembershipRules(String groupId, GroupState group, Map<String, ObjectType> members, Set<String> owners,
                    DirectoryObjects directory) {
        this.groupId = groupId;
        this.group = group;
        this.members = members;
        this.owners = owners;
        this.directory = directory;
    }

    /** The members to add, typed; {@code strict}: an existing member is Graph's 400, else it is left out. */
    List<MemberRef> membersToAdd(List<String> ids, boolean strict) {
        if (ids.isEmpty()) {
            return List.of();
        }
        checkStaticMembership();
        checkBound(ids);
        Map<String, ObjectType> types = directory.typesOf(ids);
        List<MemberRef> added = new ArrayList<>();
        for (String id : ids) {
            ObjectType type = types.get(id);
            if (type == null) {
                throw new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
            }
            if (members.containsKey(id)) {
                if (strict) {
                    throw new DirectoryException(DirectoryErrorCode.REFERENCE_ALREADY_EXISTS, "members");
                }
                continue;
            }
            if (type == ObjectType.GROUP && (id.equals(groupId) || directory.isNestedIn(groupId, id))) {
                throw new DirectoryException(DirectoryErrorCode.MEMBERSHIP_CYCLE);
            }
            added.add(new MemberRef(id, type));
        }
        return added;
    }

    /** Every id must be a direct member (Graph answers 404 otherwise). */
    List<MemberRef> membersToRemove(List<String> ids) {
        checkStaticMembership();
        checkBound(ids);
        List<MemberRef> removed = new ArrayList<>();
        for (String id : ids) {
            ObjectType type = members.get(id);
            if (type == null) {
                throw new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
            }
            removed.add(new MemberRef(id, type));
        }
        return removed;
    }

    /** Cloud owners: existing users, not owners already, at most {@value References#MAX_OWNERS} in all. */
    List<String> ownersToAdd(List<String> ids) {
        return owners(ids, true);
    }

    /** The sync engine's owners: as {@link #ownersToAdd}, but present owners are left out instead of refused. */
    List<String> syncOwnersToAdd(List<String> ids) {
        return owners(ids, false);
    }

    /**
     * Every id must be an owner, and one owner stays: Graph never removes the last owner of a group, security or
     * Microsoft 365 (a group may have had none from its creation).
     */
    List<String> ownersToRemove(List<String> ids) {
        checkBound(ids);
        for (String id : ids) {
            if (!owners.contains(id)) {
                throw new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
            }
        }
        if (owners.size() - ids.size() < 1) {
            throw new DirectoryException(DirectoryErrorCode.LAST_OWNER);
        }
        return List.copyOf(ids);
    }

    private List<String> owners(List<String> ids, boolean strict) {
        if (ids.isEmpty()) {
            return List.of();
        }
        checkBound(ids);
        Map<String, ObjectType> types = directory.typesOf(ids);
        List<String> added = new ArrayList<>();
        for (String id : ids) {
            ObjectType type = types.get(id);
            if (type == null) {
                throw new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
            }
            if (type != ObjectType.USER) {
                throw new DirectoryException(DirectoryErrorCode.OWNER_NOT_A_USER, id);
            }
            if (owners.contains(id)) {
                if (strict) {
                    throw new DirectoryException(DirectoryErrorCode.REFERENCE_ALREADY_EXISTS, "owners");
                }
                continue;
            }
            added.add(id);
        }
        if (owners.size() + added.size() > References.MAX_OWNERS) {
            throw new DirectoryException(DirectoryErrorCode.TOO_MANY_OWNERS, References.MAX_OWNERS);
        }
        return added;
    }

    private void checkStaticMembership() {
        if (group.hasDynamicMembership()) {
            throw new DirectoryException(DirectoryErrorCode.DYNAMIC_MEMBERSHIP);
        }
    }

    private static void checkBound(List<String> ids) {
        if (ids.size() > MAX_PER_EVENT) {
            throw new DirectoryException(DirectoryErrorCode.TOO_MANY_REFERENCES, MAX_PER_EVENT);
        }
    }
}
