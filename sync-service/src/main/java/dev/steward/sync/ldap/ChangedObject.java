package dev.steward.sync.ldap;

import java.util.List;

/**
 * An object the directory reported changed since the cookie.
 *
 * @param deleted        a tombstone ({@code isDeleted: TRUE})
 * @param addedMembers   member DNs added (DirSync incremental values, {@code member;range=1-1}); empty for uSNChanged
 * @param removedMembers member DNs removed ({@code member;range=0-0})
 */
public record ChangedObject(String anchor, String distinguishedName, boolean deleted, List<String> addedMembers,
                            List<String> removedMembers) {

    public ChangedObject {
        addedMembers = List.copyOf(addedMembers);
        removedMembers = List.copyOf(removedMembers);
    }
}
